package cn.fasheng.debate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

import cn.fasheng.platform.error.FileRowsException.RowError;
import cn.fasheng.platform.text.CsvSheet;

/**
 * The roster file: one row per team, 学校, 队伍, then 辩手1 … 辩手N (N the format's debaters per team, all
 * required), then any number of 替补 columns. Excel saves CSV as GB18030 on Chinese Windows and as UTF-8 with
 * a byte-order mark elsewhere; both are read. Rows are numbered as the spreadsheet shows them (header = 1).
 */
final class RosterCsv {

    static final int MAX_ROWS = 500;

    private RosterCsv() {
    }

    record TeamRow(int row, String school, String team, List<String> debaters) {
    }

    record Parsed(List<TeamRow> rows, List<RowError> errors) {
    }

    static byte[] template(int debatersPerTeam) {
        List<String> header = new ArrayList<>(required(debatersPerTeam));
        header.add("替补1");
        header.add("替补2");
        return CsvSheet.template(header);
    }

    static Parsed parse(byte[] bytes, int debatersPerTeam) {
        List<RowError> errors = new ArrayList<>();
        List<TeamRow> rows = new ArrayList<>();
        CsvSheet.Result read = CsvSheet.read(bytes, required(debatersPerTeam));
        if (read.sheet() == null) {
            return new Parsed(rows, read.errors());
        }
        List<CSVRecord> data = read.sheet().rows();
        CSVRecord header = read.sheet().header();
        Map<String, Integer> columns = read.sheet().columns();
        List<Integer> nameColumns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String title = header.get(i).strip();
            if (title.startsWith("辩手") || title.startsWith("替补")) {
                nameColumns.add(i);
            }
        }
        if (data.size() > MAX_ROWS) {
            return new Parsed(rows, List.of(new RowError(1, "", "一次最多导入 " + MAX_ROWS + " 支队伍")));
        }
        Map<String, Integer> teamRows = new HashMap<>();
        for (CSVRecord record : data) {
            int row = (int) record.getRecordNumber();
            String school = cell(record, columns.get("学校"));
            String team = cell(record, columns.get("队伍"));
            if (school.isEmpty()) {
                errors.add(new RowError(row, "学校", "学校不能为空"));
            }
            else if (school.length() > 40) {
                errors.add(new RowError(row, "学校", "学校名称不能超过 40 个字"));
            }
            if (team.isEmpty()) {
                errors.add(new RowError(row, "队伍", "队伍名称不能为空"));
            }
            else if (team.length() > 40) {
                errors.add(new RowError(row, "队伍", "队伍名称不能超过 40 个字"));
            }
            else if (teamRows.containsKey(team)) {
                errors.add(new RowError(row, "队伍", "与第 " + teamRows.get(team) + " 行的队伍重名"));
            }
            else {
                teamRows.put(team, row);
            }
            List<String> debaters = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int c : nameColumns) {
                String title = header.get(c).strip();
                String name = cell(record, c);
                boolean starter = required(debatersPerTeam).contains(title);
                if (name.isEmpty()) {
                    if (starter) {
                        errors.add(new RowError(row, title, "缺少" + title + "的姓名"));
                    }
                    continue;
                }
                if (name.length() > 20) {
                    errors.add(new RowError(row, title, "辩手姓名不能超过 20 个字"));
                }
                else if (!seen.add(name)) {
                    errors.add(new RowError(row, title, "同一队伍中有重名辩手“" + name + "”"));
                }
                debaters.add(name);
            }
            if (debaters.size() > 12) {
                errors.add(new RowError(row, "替补", "每队最多 12 名辩手"));
            }
            rows.add(new TeamRow(row, school, team, debaters));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(2, "", "文件中没有队伍"));
        }
        return new Parsed(rows, errors);
    }

    private static List<String> required(int debatersPerTeam) {
        List<String> required = new ArrayList<>(List.of("学校", "队伍"));
        for (int i = 1; i <= debatersPerTeam; i++) {
            required.add("辩手" + i);
        }
        return required;
    }

    private static String cell(CSVRecord record, int column) {
        return column < record.size() ? record.get(column).strip() : "";
    }
}
