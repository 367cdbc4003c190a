package cn.fasheng.reach.report;

import java.awt.Color;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native Excel charts over a sheet's table (header in row 1, categories in column A, a series per following column),
 * placed to the right of the table. They refer to the cells, so a reader who corrects a figure sees the chart follow.
 */
final class ReportSheetCharts {

    private static final int WIDTH_COLUMNS = 12;
    private static final int HEIGHT_ROWS = 22;
    private static final String DAY_LABEL = "m/d";

    private ReportSheetCharts() {
    }

    /** A line per column over the dates in column A. */
    static void line(XSSFSheet sheet, String title, int rows, int series) {
        XSSFChart chart = chart(sheet, title, series + 3);
        XDDFCategoryAxis dates = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = valueAxis(chart);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, dates, values);
        data.setVaryColors(false);
        XDDFNumericalDataSource<Double> days = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, rows, 0, 0));
        // Short "11/3" labels on the axis while the cells keep their full dates: the axis format is not linked to them.
        days.setFormatCode(DAY_LABEL);
        dates.setNumberFormat(DAY_LABEL);
        chart.getCTChart().getPlotArea().getCatAxArray(0).getNumFmt().setSourceLinked(false);
        for (int s = 0; s < series; s++) {
            XDDFLineChartData.Series line = (XDDFLineChartData.Series) data.addSeries(days, column(sheet, rows, s + 1));
            title(sheet, line, s + 1);
            line.setSmooth(false);
            line.setMarkerStyle(MarkerStyle.NONE);
            XDDFLineProperties stroke = new XDDFLineProperties(new XDDFSolidFillProperties(color(ReportColors.series(s))));
            stroke.setWidth(2.0);
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setLineProperties(stroke);
            line.setShapeProperties(shape);
        }
        chart.plot(data);
    }

    /**
     * A group of columns per row of the table, one colour per part. Clustered rather than stacked: a stacked chart needs
     * its bars' overlap set, which the lean OOXML schema jar that POI ships cannot write.
     */
    static void bars(XSSFSheet sheet, String title, int rows, int parts) {
        XSSFChart chart = chart(sheet, title, parts + 3);
        XDDFCategoryAxis names = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = valueAxis(chart);
        values.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, names, values);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, rows, 0, 0));
        for (int p = 0; p < parts; p++) {
            XDDFChartData.Series bar = data.addSeries(categories, column(sheet, rows, p + 1));
            title(sheet, bar, p + 1);
            XDDFShapeProperties shape = new XDDFShapeProperties();
            shape.setFillProperties(new XDDFSolidFillProperties(color(ReportColors.series(p))));
            bar.setShapeProperties(shape);
        }
        chart.plot(data);
    }

    private static XSSFChart chart(XSSFSheet sheet, String title, int firstColumn) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, firstColumn, 1, firstColumn + WIDTH_COLUMNS, 1 + HEIGHT_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    /** The series is named by its column's header, linked to the cell and cached for readers that do not recalculate. */
    private static void title(XSSFSheet sheet, XDDFChartData.Series series, int column) {
        series.setTitle(sheet.getRow(0).getCell(column).getStringCellValue(),
                new CellReference(sheet.getSheetName(), 0, column, true, true));
    }

    private static XDDFValueAxis valueAxis(XSSFChart chart) {
        XDDFValueAxis axis = chart.createValueAxis(AxisPosition.LEFT);
        axis.setMinimum(0);
        axis.setNumberFormat("#,##0");
        gridlines(axis);
        return axis;
    }

    private static void gridlines(XDDFChartAxis axis) {
        XDDFShapeProperties grid = axis.getOrAddMajorGridProperties();
        grid.setLineProperties(new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.LIGHT_GRAY))));
    }

    private static XDDFNumericalDataSource<Double> column(XSSFSheet sheet, int rows, int column) {
        return XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, rows, column, column));
    }

    private static XDDFColor color(Color color) {
        return XDDFColor.from(new byte[] {(byte) color.getRed(), (byte) color.getGreen(), (byte) color.getBlue()});
    }
}
