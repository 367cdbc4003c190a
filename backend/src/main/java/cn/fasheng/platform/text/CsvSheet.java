package cn.fasheng.platform.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import cn.fasheng.platform.error.FileRowsException.RowError;

/**
 * An import file as editors fill it in Excel: a header row naming the columns, then one record per row. Empty
 * lines are kept, so record numbers are the spreadsheet's row numbers (header = 1); {@link #rows} skips blank rows
 * and Excel's ",,,," for a row that was emptied.
 */
public record CsvSheet(List<CSVRecord> records, Map<String, Integer> columns) {

    /** The sheet, or the one mistake that makes it unreadable (not CSV, empty, missing a required column). */
    public static Result read(byte[] bytes, List<String> required) {
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get()
                    .parse(new StringReader(ChineseText.decode(bytes))).getRecords();
        }
        catch (IOException | RuntimeException e) {
            return new Result(null, List.of(new RowError(1, "", "无法读取文件，请上传按模板填写的 CSV 文件")));
        }
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            return new Result(null, List.of(new RowError(1, "", "文件是空的")));
        }
        Map<String, Integer> columns = new HashMap<>();
        CSVRecord header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
        List<RowError> missing = required.stream().filter(c -> !columns.containsKey(c))
                .map(c -> new RowError(1, c, "缺少“" + c + "”列，请使用下载的模板")).toList();
        return new Result(missing.isEmpty() ? new CsvSheet(records, columns) : null, missing);
    }

    public record Result(CsvSheet sheet, List<RowError> errors) {
    }

    public CSVRecord header() {
        return records.get(0);
    }

    /** The records below the header that hold anything. */
    public List<CSVRecord> rows() {
        return records.stream().skip(1).filter(r -> !r.stream().allMatch(String::isBlank)).toList();
    }

    /** A cell by column title, stripped; empty when the row is short or the column absent. */
    public String cell(CSVRecord record, String column) {
        Integer i = columns.get(column);
        return i == null || i >= record.size() ? "" : record.get(i).strip();
    }

    /** An empty template: the header row, as Excel opens it. */
    public static byte[] template(List<String> header) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ChineseText.forExcel(out.toString());
    }
}
