package cn.fasheng.reach.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.reach.ReachFigures;
import cn.fasheng.reach.ReachFigures.GroupRow;
import cn.fasheng.reach.ReachFigures.ItemRow;
import cn.fasheng.reach.ReachFigures.Series;
import cn.fasheng.reach.ReachFigures.SiteRow;
import cn.fasheng.reach.ReachFigures.Totals;
import cn.fasheng.reach.ReachFigures.VideoRow;

/**
 * The tables both report files print, with the same columns in the workbook and the PDF. A cell is a String, a Long,
 * a LocalDate, a {@link Percent} or null (left empty).
 */
final class ReportTables {

    static final String NO_DATA = "这段时间没有数据";
    static final String TOTAL = "合计";
    static final List<String> GROUP_PARTS = List.of("栏目浏览", "B站播放", "微信阅读");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /** Rows under a header; {@code footer} is a closing 合计 row or null. */
    record Table(List<String> headers, List<List<Object>> rows, List<Object> footer) {

        boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /** A share in percent (85.3 means 85.3 %). */
    record Percent(double percent) {
    }

    /** One line of the overview. */
    record Figure(String label, long value) {
    }

    private ReportTables() {
    }

    static String range(ReachFigures figures) {
        return "统计时间：" + DAY.format(figures.from()) + "至" + DAY.format(figures.to());
    }

    static String generatedNow() {
        return "生成时间：" + MINUTE.format(ZonedDateTime.now(ShanghaiTime.ZONE));
    }

    static List<Figure> totals(Totals t) {
        return List.of(new Figure("栏目浏览量", t.columnViews()), new Figure("视频播放次数", t.plays()),
                new Figure("完整看完次数", t.completed()), new Figure("B站播放量", t.bilibiliViews()),
                new Figure("微信阅读量", t.wechatReads()), new Figure("渠道互动（点赞、投币、收藏、分享、评论）", t.interactions()),
                new Figure("辩论赛页面浏览量", t.contestViews()), new Figure("微景观页面浏览量", t.siteViews()),
                new Figure("微景观扫码次数", t.qrScans()));
    }

    /** One row per day: the date, a column per series and their sum. Empty when there are no series to show. */
    static Table daily(List<LocalDate> days, List<Series> series, boolean totalColumn) {
        List<String> headers = new ArrayList<>(List.of("日期"));
        series.forEach(s -> headers.add(s.label()));
        if (totalColumn) {
            headers.add(TOTAL);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; !series.isEmpty() && i < days.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(days.get(i));
            long sum = 0;
            for (Series s : series) {
                long value = valueAt(s, i);
                row.add(value);
                sum += value;
            }
            if (totalColumn) {
                row.add(sum);
            }
            rows.add(row);
        }
        return new Table(headers, rows, null);
    }

    /** The daily table summed by calendar month, for ranges too long to print day by day. */
    static Table monthly(List<LocalDate> days, List<Series> series, boolean totalColumn) {
        Table daily = daily(days, series, totalColumn);
        Map<YearMonth, long[]> months = new LinkedHashMap<>();
        for (List<Object> row : daily.rows()) {
            long[] sums = months.computeIfAbsent(YearMonth.from((LocalDate) row.get(0)), m -> new long[row.size() - 1]);
            for (int c = 1; c < row.size(); c++) {
                sums[c - 1] += (Long) row.get(c);
            }
        }
        List<String> headers = new ArrayList<>(daily.headers());
        headers.set(0, "月份");
        List<List<Object>> rows = new ArrayList<>();
        months.forEach((month, sums) -> {
            List<Object> row = new ArrayList<>();
            row.add(month.getYear() + "年" + month.getMonthValue() + "月");
            for (long sum : sums) {
                row.add(sum);
            }
            rows.add(row);
        });
        return new Table(headers, rows, null);
    }

    /** Days down, a column per contest, and a closing row with each contest's total. */
    static Table contests(List<LocalDate> days, List<Series> contests) {
        return withTotalRow(daily(days, contests, false), contests);
    }

    static Table contestsByMonth(List<LocalDate> days, List<Series> contests) {
        return withTotalRow(monthly(days, contests, false), contests);
    }

    private static Table withTotalRow(Table table, List<Series> contests) {
        List<Object> footer = new ArrayList<>();
        footer.add(TOTAL);
        contests.forEach(s -> footer.add(s.total()));
        return new Table(table.headers(), table.rows(), table.isEmpty() ? null : footer);
    }

    static Table groups(List<GroupRow> groups) {
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach(g -> rows.add(List.of(text(g.name()), g.column(), g.bilibili(), g.wechat(), g.total())));
        List<String> headers = new ArrayList<>(List.of("名称"));
        headers.addAll(GROUP_PARTS);
        headers.add(TOTAL);
        return new Table(headers, rows, null);
    }

    /** The content in the order given, which is by total, highest first. */
    static Table top(List<ItemRow> items) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemRow r = items.get(i);
            rows.add(List.of((long) i + 1, text(r.title()), text(r.kind()), r.column(), r.plays(), r.bilibili(), r.wechat(),
                    r.likes(), r.shares(), r.comments(), r.total()));
        }
        return new Table(List.of("排名", "标题", "类型", "栏目浏览", "视频播放", "B站播放", "微信阅读", "点赞", "分享", "评论", TOTAL),
                rows, null);
    }

    static Table completion(List<VideoRow> videos) {
        List<List<Object>> rows = new ArrayList<>();
        for (VideoRow v : videos) {
            List<Object> row = new ArrayList<>(List.of(text(v.title()), text(v.kind()), v.plays(), v.p25(), v.p50(), v.p75(), v.p100()));
            row.add(v.completionRate() == null ? null : new Percent(v.completionRate()));
            rows.add(row);
        }
        return new Table(List.of("标题", "类型", "播放", "看到25%", "看到50%", "看到75%", "看完", "完播率"), rows, null);
    }

    static Table sites(List<SiteRow> sites) {
        List<List<Object>> rows = new ArrayList<>();
        sites.forEach(s -> rows.add(List.of(text(s.name()), text(s.street()), s.views(), s.scans())));
        return new Table(List.of("名称", "街道", "页面浏览", "扫码次数"), rows, null);
    }

    /** A cell as printed: figures with thousands separators, shares with one decimal, dates in full. */
    static String display(Object cell) {
        if (cell instanceof Long number) {
            return String.format(Locale.ROOT, "%,d", number);
        }
        if (cell instanceof Percent percent) {
            return String.format(Locale.ROOT, "%.1f%%", percent.percent());
        }
        if (cell instanceof LocalDate date) {
            return DAY.format(date);
        }
        return cell == null ? "" : cell.toString();
    }

    /** A series' value on the {@code i}-th day; a series shorter than the range counts nothing on the days it lacks. */
    static long valueAt(Series series, int i) {
        List<Long> values = series.values();
        return i < values.size() && values.get(i) != null ? values.get(i) : 0;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
