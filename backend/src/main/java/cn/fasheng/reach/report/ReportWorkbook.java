package cn.fasheng.reach.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.fasheng.reach.ReachFigures;
import cn.fasheng.reach.report.ReportTables.Figure;
import cn.fasheng.reach.report.ReportTables.Percent;
import cn.fasheng.reach.report.ReportTables.Table;

/**
 * The report as an Excel workbook: an overview, then a sheet per table with its figures as numbers (so they can be
 * summed and charted again) and, where a picture helps, a native Excel chart beside the table.
 */
public final class ReportWorkbook {

    /** Column widths in Excel's units of one character; a Chinese character takes two. */
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 48;
    private static final int DATE_WIDTH = 16;

    private ReportWorkbook() {
    }

    public static byte[] write(ReachFigures figures, String bureau, String title) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ReportCellStyles styles = new ReportCellStyles(workbook);
            overview(workbook.createSheet("概览"), figures, bureau, title, styles);

            Table daily = ReportTables.daily(figures.days(), figures.channels(), true);
            XSSFSheet dailySheet = table(workbook.createSheet("每日传播"), daily, styles);
            if (!daily.isEmpty()) {
                ReportSheetCharts.line(dailySheet, "每日传播", daily.rows().size(), figures.channels().size());
            }
            group(workbook.createSheet("按专题"), "按专题", ReportTables.groups(figures.byTopic()), styles);
            group(workbook.createSheet("按类型"), "按类型", ReportTables.groups(figures.byKind()), styles);
            table(workbook.createSheet("热门内容"), ReportTables.top(figures.top()), styles);
            table(workbook.createSheet("视频完播"), ReportTables.completion(figures.completion()), styles);
            table(workbook.createSheet("辩论赛"), ReportTables.contests(figures.days(), figures.contests()), styles);
            table(workbook.createSheet("微景观"), ReportTables.sites(figures.sites()), styles);

            workbook.getProperties().getCoreProperties().setTitle(bureau + " " + title);
            workbook.getProperties().getCoreProperties().setCreator(bureau);
            workbook.write(bytes);
            return bytes.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException("传播力报告表格生成失败", e);
        }
    }

    private static void overview(XSSFSheet sheet, ReachFigures figures, String bureau, String title, ReportCellStyles styles) {
        text(sheet.createRow(0), 0, bureau, styles.heading);
        text(sheet.createRow(1), 0, title, styles.title);
        sheet.getRow(1).setHeightInPoints(24);
        text(sheet.createRow(2), 0, ReportTables.range(figures), null);
        text(sheet.createRow(3), 0, ReportTables.generatedNow(), null);
        XSSFRow header = sheet.createRow(5);
        text(header, 0, "指标", styles.header);
        text(header, 1, "数值", styles.header);
        List<Figure> totals = ReportTables.totals(figures.totals());
        for (int i = 0; i < totals.size(); i++) {
            XSSFRow row = sheet.createRow(6 + i);
            text(row, 0, totals.get(i).label(), null);
            XSSFCell value = row.createCell(1);
            value.setCellValue(totals.get(i).value());
            value.setCellStyle(styles.number);
        }
        sheet.setColumnWidth(0, 40 * 256);
        sheet.setColumnWidth(1, 16 * 256);
    }

    private static void group(XSSFSheet sheet, String name, Table table, ReportCellStyles styles) {
        table(sheet, table, styles);
        if (!table.isEmpty()) {
            ReportSheetCharts.bars(sheet, name, table.rows().size(), ReportTables.GROUP_PARTS.size());
        }
    }

    /** The header on the first row, frozen, and the rows under it; or the header and a note when there are none. */
    private static XSSFSheet table(XSSFSheet sheet, Table table, ReportCellStyles styles) {
        XSSFRow header = sheet.createRow(0);
        for (int c = 0; c < table.headers().size(); c++) {
            text(header, c, table.headers().get(c), styles.header);
            sheet.setColumnWidth(c, width(table, c) * 256);
        }
        sheet.createFreezePane(0, 1);
        printed(sheet);
        if (table.isEmpty()) {
            text(sheet.createRow(1), 0, ReportTables.NO_DATA, null);
            sheet.setColumnWidth(0, Math.max(sheet.getColumnWidth(0), 20 * 256));
            return sheet;
        }
        for (int r = 0; r < table.rows().size(); r++) {
            cells(sheet.createRow(r + 1), table.rows().get(r), styles, false);
        }
        if (table.footer() != null) {
            cells(sheet.createRow(table.rows().size() + 1), table.footer(), styles, true);
        }
        return sheet;
    }

    /** On paper: landscape, as wide as the page so the chart beside the table is printed too, the header on every page. */
    private static void printed(XSSFSheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
    }

    private static void cells(XSSFRow row, List<Object> values, ReportCellStyles styles, boolean total) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            XSSFCell cell = row.createCell(c);
            if (value instanceof Long number) {
                cell.setCellValue(number);
                cell.setCellStyle(total ? styles.totalNumber : styles.number);
            }
            else if (value instanceof Percent percent) {
                cell.setCellValue(percent.percent() / 100);
                cell.setCellStyle(styles.percent);
            }
            else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(styles.date);
            }
            else if (value != null) {
                cell.setCellValue(value.toString());
                if (total) {
                    cell.setCellStyle(styles.totalText);
                }
            }
        }
    }

    private static void text(XSSFRow row, int column, String value, CellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** Wide enough for the header and the longest value, within bounds so one long title does not push the rest away. */
    private static int width(Table table, int column) {
        int widest = displayWidth(table.headers().get(column));
        for (List<Object> row : table.rows()) {
            Object value = row.get(column);
            int width = value instanceof LocalDate ? DATE_WIDTH
                    : value instanceof Long || value instanceof Percent ? ReportTables.display(value).length() + 1
                    : value == null ? 0 : displayWidth(value.toString());
            widest = Math.max(widest, width);
        }
        return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
    }

    private static int displayWidth(String text) {
        return text == null ? 0 : text.codePoints().map(cp -> cp < 0x2E80 ? 1 : 2).sum();
    }
}
