package cn.fasheng.reach.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.fasheng.reach.ReachFigures;
import cn.fasheng.reach.ReachFigures.GroupRow;
import cn.fasheng.reach.ReachFigures.ItemRow;
import cn.fasheng.reach.ReachFigures.Series;
import cn.fasheng.reach.ReachFigures.SiteRow;
import cn.fasheng.reach.ReachFigures.Totals;
import cn.fasheng.reach.ReachFigures.VideoRow;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly report's workbook and PDF, read back the way a reader at the bureau would open them. */
class ReportFilesTest {

    private static final String BUREAU = "上海市杨浦区司法局";
    private static final String TITLE = "2026年11月法治宣传传播力月报";
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);

    @Test
    void theWorkbookHasASheetPerViewWithNumbersAndCharts() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ReportWorkbook.write(figures(2), BUREAU, TITLE)))) {
            assertThat(IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName))
                    .containsExactly("概览", "每日传播", "按专题", "按类型", "热门内容", "视频完播", "辩论赛", "微景观");
            XSSFSheet overview = workbook.getSheet("概览");
            assertThat(overview.getRow(0).getCell(0).getStringCellValue()).isEqualTo(BUREAU);
            assertThat(overview.getRow(1).getCell(0).getStringCellValue()).isEqualTo(TITLE);
            assertThat(overview.getRow(2).getCell(0).getStringCellValue()).contains("2026年11月1日", "2026年11月5日");
            assertThat(valueBeside(overview, "栏目浏览量")).isEqualTo(150);
            assertThat(valueBeside(overview, "微景观扫码次数")).isEqualTo(57);

            XSSFSheet daily = workbook.getSheet("每日传播");
            assertThat(texts(daily.getRow(0))).containsExactly("日期", "法声昂“杨”栏目", "B站", "微信公众号", "合计");
            assertThat(daily.getLastRowNum()).isEqualTo(5);
            XSSFRow third = daily.getRow(3);
            assertThat(third.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(FIRST.plusDays(2));
            assertThat(third.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(List.of(third.getCell(1).getNumericCellValue(), third.getCell(2).getNumericCellValue(),
                    third.getCell(3).getNumericCellValue(), third.getCell(4).getNumericCellValue())).containsExactly(30.0, 12.0, 7.0, 49.0);
            assertThat(daily.getPaneInformation().isFreezePane()).isTrue();
            List<XSSFChart> charts = daily.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            assertThat(charts.get(0).getChartSeries()).hasSize(1);
            assertThat(charts.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(3);
            assertThat(workbook.getSheet("按专题").getDrawingPatriarch().getCharts()).hasSize(1);

            XSSFRow first = workbook.getSheet("热门内容").getRow(1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("民法典里的相邻关系");
            assertThat(first.getCell(10).getNumericCellValue()).isEqualTo(260);

            XSSFSheet completion = workbook.getSheet("视频完播");
            assertThat(completion.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(0.425);
            assertThat(completion.getRow(1).getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(completion.getRow(2).getCell(7).getCellType()).isEqualTo(CellType.BLANK);

            XSSFSheet contests = workbook.getSheet("辩论赛");
            assertThat(texts(contests.getRow(0))).containsExactly("日期", "2026年杨浦区高中生法治辩论赛");
            assertThat(contests.getRow(6).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(contests.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(75);
            assertThat(texts(workbook.getSheet("微景观").getRow(1))).startsWith("控江路宪法角", "控江路街道");
        }
    }

    @Test
    void thePdfPrintsTheFiguresWithAFooterOnEveryPage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(ReportPdf.write(figures(40), BUREAU, TITLE))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(BUREAU, TITLE, "统计时间：2026年11月1日至2026年11月5日", "民法典里的相邻关系",
                    "控江路宪法角", "微景观扫码次数", "1,234", "完播率");
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                assertThat(pageText(pdf, page)).contains(BUREAU + " · " + TITLE + " · 第 " + page + " 页");
            }
        }
    }

    @Test
    void aRangeWithoutFiguresStillMakesBothFiles() throws IOException {
        ReachFigures empty = new ReachFigures(FIRST, FIRST.plusDays(29), "2026年11月", List.of(),
                new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ReportWorkbook.write(empty, BUREAU, TITLE)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(8);
            for (String sheet : List.of("每日传播", "按专题", "热门内容", "视频完播", "辩论赛", "微景观")) {
                assertThat(workbook.getSheet(sheet).getRow(1).getCell(0).getStringCellValue()).isEqualTo("这段时间没有数据");
            }
            assertThat(workbook.getSheet("每日传播").getDrawingPatriarch()).isNull();
        }
        try (PDDocument pdf = Loader.loadPDF(ReportPdf.write(empty, BUREAU, TITLE))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(BUREAU, TITLE, "这段时间没有数据", "第 1 页");
        }
    }

    /** Five days of November with three items, one contest and two sites; {@code videos} rows of completion. */
    private static ReachFigures figures(int videos) {
        List<LocalDate> days = IntStream.range(0, 5).mapToObj(FIRST::plusDays).toList();
        List<Series> channels = List.of(series("column", "法声昂“杨”栏目", 10, 20, 30, 40, 50),
                series("bilibili", "B站", 0, 5, 12, 8, 1_209), series("wechat", "微信公众号", 3, 4, 7, 2, 0));
        List<ItemRow> top = List.of(
                new ItemRow("a", "民法典里的相邻关系", "普法视频", "/c/a", 80, 60, 150, 30, 12, 4, 2, 260),
                new ItemRow("b", "杨浦区反诈宣传周：这些套路要当心", "图文", "/c/b", 50, 0, 30, 10, 3, 1, 0, 90),
                new ItemRow("c", "一位老法官讲述四十年来调解邻里纠纷的故事和他总结的十条经验", "普法视频", "/c/c", 20, 15, 5, 1, 0, 0, 0, 26));
        List<VideoRow> completion = new ArrayList<>();
        completion.add(new VideoRow("a", "民法典里的相邻关系", "普法视频", 40, 35, 30, 22, 17, 42.5));
        completion.add(new VideoRow("c", "一位老法官讲述四十年来调解邻里纠纷的故事", "普法视频", 0, 0, 0, 0, 0, null));
        for (int i = completion.size(); i < videos; i++) {
            completion.add(new VideoRow("v" + i, "普法短视频第" + i + "集", "普法视频", 10, 8, 6, 4, 3, 30.0));
        }
        return new ReachFigures(FIRST, FIRST.plusDays(4), "2026年11月", days,
                new Totals(150, 75, 20, 1_234, 16, 24, 75, 210, 57), channels,
                List.of(new GroupRow("民法典", 100, 155, 31, 286), new GroupRow("反诈", 50, 30, 10, 90)),
                List.of(new GroupRow("普法视频", 100, 155, 31, 286), new GroupRow("图文", 50, 30, 10, 90)),
                top, completion, List.of(series("contest", "2026年杨浦区高中生法治辩论赛", 5, 10, 15, 20, 25)),
                List.of(new SiteRow("s1", "控江路宪法角", "控江路街道", "/l/s1", 120, 40),
                        new SiteRow("s2", "五角场民法典主题广场", "五角场街道", "/l/s2", 90, 17)));
    }

    private static Series series(String key, String label, long... values) {
        return new Series(key, label, Arrays.stream(values).boxed().toList(), Arrays.stream(values).sum());
    }

    private static double valueBeside(XSSFSheet sheet, String label) {
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            XSSFRow row = sheet.getRow(r);
            if (row != null && row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        throw new AssertionError("概览里没有 " + label);
    }

    private static List<String> texts(XSSFRow row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : cell.toString()));
        return texts;
    }

    private static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }
}
