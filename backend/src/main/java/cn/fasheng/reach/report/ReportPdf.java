package cn.fasheng.reach.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.reach.ReachFigures;
import cn.fasheng.reach.ReachFigures.GroupRow;
import cn.fasheng.reach.ReachFigures.VideoRow;
import cn.fasheng.reach.report.ReportBarChart.Bar;
import cn.fasheng.reach.report.ReportChartParts.Axis;
import cn.fasheng.reach.report.ReportTables.Percent;
import cn.fasheng.reach.report.ReportTables.Table;

/**
 * The report as an A4 PDF for print: a cover block with the totals, then a section per view of the figures, each a
 * chart drawn as vector graphics followed by its table. A block that does not fit moves to the next page.
 */
public final class ReportPdf {

    /** Bars beyond this make a chart too long to read; the table below still lists every row. */
    private static final int MAX_BARS = 15;
    /** Longer ranges print their daily tables summed by month; the workbook keeps every day. */
    private static final int MAX_DAILY_ROWS = 62;
    private static final float GAP = 8;
    private static final float HEADING = 26;
    private static final float NOTE = 17;

    private ReportPdf() {
    }

    public static byte[] write(ReachFigures figures, String bureau, String title) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            try (ReportPages pages = new ReportPages(document, bureau + " · " + title)) {
                cover(pages, figures, bureau, title);
                sections(pages, figures);
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(bureau + " " + title);
            info.setAuthor(bureau);
            info.setCreationDate(GregorianCalendar.from(ZonedDateTime.now(ShanghaiTime.ZONE)));
            document.save(bytes);
            return bytes.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException("传播力报告 PDF 生成失败", e);
        }
    }

    private static void cover(ReportPages pages, ReachFigures figures, String bureau, String title) throws IOException {
        pages.newPage();
        float left = pages.left();
        pages.text(pages.bold, 13, ReportColors.RED, left, pages.y() - 13, bureau);
        pages.text(pages.bold, 22, ReportColors.INK, left, pages.y() - 44, pages.fit(pages.bold, 22, title, pages.width()));
        pages.text(pages.regular, 10, ReportColors.MUTED, left, pages.y() - 66, ReportTables.range(figures));
        pages.text(pages.regular, 10, ReportColors.MUTED, left, pages.y() - 81, ReportTables.generatedNow());
        pages.down(94);
        ReportChartParts.line(pages.out(), ReportColors.RED, 1.5f, left, pages.y(), left + pages.width(), pages.y());
        pages.down(12);
        List<List<Object>> totals = new ArrayList<>();
        ReportTables.totals(figures.totals()).forEach(f -> totals.add(List.of(f.label(), f.value())));
        heading(pages, "一、总体情况", null);
        ReportPdfTable.draw(pages, new Table(List.of("指标", "数值"), totals, null));
    }

    private static void sections(ReportPages pages, ReachFigures figures) throws IOException {
        boolean byMonth = figures.days().size() > MAX_DAILY_ROWS;
        String monthNote = byMonth ? "表中按月合计，逐日数据见 Excel 报表。" : null;
        Table daily = byMonth ? ReportTables.monthly(figures.days(), figures.channels(), true)
                : ReportTables.daily(figures.days(), figures.channels(), true);
        section(pages, "二、每日传播", monthNote, daily, ReportLineChart.height(pages, figures.channels()),
                () -> ReportLineChart.draw(pages, figures.days(), figures.channels()));

        bars(pages, "三、热门内容", "按各渠道传播量合计排名。", ReportTables.top(figures.top()),
                figures.top().stream().map(r -> new Bar(r.title(), new double[] {r.total()}, count(r.total()))).toList(),
                List.of("合计"), null);
        groups(pages, "四、按专题", figures.byTopic());
        groups(pages, "五、按类型", figures.byKind());
        bars(pages, "六、视频完播", "完播率为看完次数占播放次数的比例。", ReportTables.completion(figures.completion()),
                figures.completion().stream().map(ReportPdf::completionBar).toList(), List.of("完播率"), Axis.percentage());

        Table contests = byMonth ? ReportTables.contestsByMonth(figures.days(), figures.contests())
                : ReportTables.contests(figures.days(), figures.contests());
        section(pages, "七、辩论赛页面浏览", monthNote, contests, ReportLineChart.height(pages, figures.contests()),
                () -> ReportLineChart.draw(pages, figures.days(), figures.contests()));

        bars(pages, "八、家门口法治微景观", "图中为各点位二维码的扫码次数。", ReportTables.sites(figures.sites()),
                figures.sites().stream().map(s -> new Bar(s.name(), new double[] {s.scans()}, count(s.scans()))).toList(),
                List.of("扫码次数"), null);
    }

    private static void groups(ReportPages pages, String heading, List<GroupRow> rows) throws IOException {
        bars(pages, heading, "栏目浏览、B站播放与微信阅读之和。", ReportTables.groups(rows),
                rows.stream().map(g -> new Bar(g.name(), new double[] {g.column(), g.bilibili(), g.wechat()}, count(g.total())))
                        .toList(), ReportTables.GROUP_PARTS, null);
    }

    /** A bar chart of the first rows over a table of all; the axis fits the longest bar unless one is given. */
    private static void bars(ReportPages pages, String heading, String note, Table table, List<Bar> all, List<String> parts,
            Axis axis) throws IOException {
        List<Bar> shown = all.subList(0, Math.min(all.size(), MAX_BARS));
        String fullNote = all.size() > MAX_BARS ? note + "图中为前 " + MAX_BARS + " 项，完整数据见下表。" : note;
        Axis scale = axis != null ? axis
                : Axis.counting(shown.stream().mapToDouble(bar -> Arrays.stream(bar.parts()).sum()).max().orElse(0));
        section(pages, heading, fullNote, table, ReportBarChart.height(pages, shown, parts),
                () -> ReportBarChart.draw(pages, shown, parts, scale));
    }

    /** The heading with the chart kept on the same page, then the table; or a note that there is nothing to show. */
    private static void section(ReportPages pages, String heading, String note, Table table, float chartHeight, Chart chart)
            throws IOException {
        if (table.isEmpty()) {
            pages.ensure(HEADING + NOTE);
            heading(pages, heading, null);
            pages.text(pages.regular, 10, ReportColors.MUTED, pages.left(), pages.y() - 10, ReportTables.NO_DATA);
            pages.down(NOTE + 12);
            return;
        }
        pages.ensure(HEADING + (note == null ? 0 : NOTE) + chartHeight + 6);
        heading(pages, heading, note);
        chart.draw();
        pages.down(6);
        ReportPdfTable.draw(pages, table);
    }

    private static void heading(ReportPages pages, String heading, String note) throws IOException {
        if (!pages.atTop()) {
            pages.down(GAP);
        }
        pages.text(pages.bold, 13, ReportColors.INK, pages.left(), pages.y() - 14, heading);
        pages.down(HEADING - GAP);
        if (note != null) {
            pages.text(pages.regular, 8.5f, ReportColors.MUTED, pages.left(), pages.y() - 8, note);
            pages.down(NOTE);
        }
    }

    /** A video nobody has played yet has no rate: no bar, and a word saying so. */
    private static Bar completionBar(VideoRow video) {
        Double rate = video.completionRate();
        return rate == null ? new Bar(video.title(), new double[0], "暂无")
                : new Bar(video.title(), new double[] {rate}, ReportTables.display(new Percent(rate)));
    }

    private static String count(long value) {
        return ReportTables.display(value);
    }

    private interface Chart {
        void draw() throws IOException;
    }
}
