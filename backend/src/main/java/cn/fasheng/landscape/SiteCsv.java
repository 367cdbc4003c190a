package cn.fasheng.landscape;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVRecord;

import cn.fasheng.landscape.LandscapeRequests.AccessInput;
import cn.fasheng.landscape.LandscapeRequests.CoordinatesInput;
import cn.fasheng.landscape.LandscapeRequests.Datum;
import cn.fasheng.landscape.LandscapeRequests.SaveSite;
import cn.fasheng.platform.error.FileRowsException.RowError;
import cn.fasheng.platform.text.CsvSheet;

/**
 * The bulk-import file: one site per row. 坐标系 is required because map pickers in China give GCJ-02 and a GPS
 * gives WGS-84, and the two differ by about 500 m here. Rows are numbered as the spreadsheet shows them.
 */
final class SiteCsv {

    static final int MAX_ROWS = 1000;
    static final List<String> REQUIRED = List.of("名称", "街道", "类别", "地址", "纬度", "经度", "坐标系");
    static final List<String> OPTIONAL = List.of("开放时间", "状态", "建成日期", "无障碍通道", "休息座椅", "无障碍卫生间",
            "无障碍说明", "简介", "地址名");

    record SiteRow(int row, SaveSite site) {
    }

    record Parsed(List<SiteRow> rows, List<RowError> errors) {
    }

    private SiteCsv() {
    }

    static byte[] template() {
        List<String> header = new ArrayList<>(REQUIRED);
        header.addAll(OPTIONAL);
        // Header only: an example row that passes every check would be imported along with the editor's rows.
        return CsvSheet.template(header);
    }

    static Parsed parse(byte[] bytes) {
        List<RowError> errors = new ArrayList<>();
        List<SiteRow> rows = new ArrayList<>();
        CsvSheet.Result read = CsvSheet.read(bytes, REQUIRED);
        if (read.sheet() == null) {
            return new Parsed(rows, read.errors());
        }
        CsvSheet sheet = read.sheet();
        List<CSVRecord> data = sheet.rows();
        if (data.size() > MAX_ROWS) {
            return new Parsed(rows, List.of(new RowError(1, "", "一次最多导入 " + MAX_ROWS + " 处微景观")));
        }
        for (CSVRecord record : data) {
            Row row = new Row((int) record.getRecordNumber(), record, sheet, errors);
            String name = row.text("名称", 60);
            String address = row.text("地址", 120);
            if (name.isEmpty()) {
                row.error("名称", "名称不能为空");
            }
            if (address.isEmpty()) {
                row.error("地址", "地址不能为空");
            }
            Double lat = row.number("纬度");
            Double lng = row.number("经度");
            Datum datum = row.datum();
            String status = row.text("状态", 10);
            SiteStatus siteStatus = status.isEmpty() ? SiteStatus.OPEN : SiteStatus.ofLabel(status);
            if (siteStatus == null) {
                row.error("状态", "状态只能是 开放、改造中 或 已关闭");
            }
            AccessInput access = new AccessInput(row.yes("无障碍通道"), row.yes("休息座椅"), row.yes("无障碍卫生间"),
                    row.text("无障碍说明", 300));
            String about = row.text("简介", 5000);
            String description = about.isEmpty() ? null : "<p>" + org.springframework.web.util.HtmlUtils.htmlEscape(about)
                    .replace("\n", "</p><p>") + "</p>";
            SaveSite site = new SaveSite(name, row.text("地址名", 60), row.text("街道", 20), row.text("类别", 20), address,
                    lat == null || lng == null || datum == null ? null : new CoordinatesInput(lat, lng, datum),
                    description, List.of(), row.text("开放时间", 200), access, row.date("建成日期"), siteStatus, List.of(),
                    false, null);
            if (site.street().isEmpty()) {
                row.error("街道", "街道不能为空");
            }
            if (site.category().isEmpty()) {
                row.error("类别", "类别不能为空");
            }
            rows.add(new SiteRow(row.number, site));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(2, "", "文件中没有微景观"));
        }
        return new Parsed(rows, errors);
    }

    /** One record's cells, reporting its own mistakes. */
    private static final class Row {

        final int number;
        private final CSVRecord record;
        private final CsvSheet sheet;
        private final List<RowError> errors;

        Row(int number, CSVRecord record, CsvSheet sheet, List<RowError> errors) {
            this.number = number;
            this.record = record;
            this.sheet = sheet;
            this.errors = errors;
        }

        void error(String column, String message) {
            errors.add(new RowError(number, column, message));
        }

        String cell(String column) {
            return sheet.cell(record, column);
        }

        String text(String column, int max) {
            String value = cell(column);
            if (value.length() > max) {
                error(column, column + "不能超过 " + max + " 个字");
                return value.substring(0, max);
            }
            return value;
        }

        Double number(String column) {
            String value = cell(column);
            if (value.isEmpty()) {
                error(column, column + "不能为空");
                return null;
            }
            try {
                return Double.parseDouble(value);
            }
            catch (NumberFormatException e) {
                error(column, column + "“" + value + "”不是数字（请用小数表示的度数，如 31.301）");
                return null;
            }
        }

        Datum datum() {
            String value = cell("坐标系").toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
            return switch (value) {
                case "WGS84", "GPS" -> Datum.WGS84;
                case "GCJ02", "高德", "腾讯", "火星坐标" -> Datum.GCJ02;
                default -> {
                    error("坐标系", value.isEmpty() ? "请填写坐标系：WGS-84 或 GCJ-02（高德、腾讯地图取点为 GCJ-02）"
                            : "坐标系“" + cell("坐标系") + "”无法识别，只能是 WGS-84 或 GCJ-02");
                    yield null;
                }
            };
        }

        boolean yes(String column) {
            String value = cell(column);
            if (value.isEmpty() || value.equals("否") || value.equalsIgnoreCase("n") || value.equalsIgnoreCase("no")) {
                return false;
            }
            if (value.equals("是") || value.equals("有") || value.equalsIgnoreCase("y") || value.equalsIgnoreCase("yes")) {
                return true;
            }
            error(column, column + "只能填“是”或“否”");
            return false;
        }

        LocalDate date(String column) {
            String value = cell(column).replace('/', '-').replace('.', '-');
            if (value.isEmpty()) {
                return null;
            }
            try {
                String[] parts = value.split("-");
                if (parts.length == 3) {
                    return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                }
                if (parts.length == 2) {
                    return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 1);
                }
            }
            catch (NumberFormatException | java.time.DateTimeException e) {
                // reported below
            }
            error(column, column + "“" + cell(column) + "”不是日期（如 2023-06-01）");
            return null;
        }
    }
}
