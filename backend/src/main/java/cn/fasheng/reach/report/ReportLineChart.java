package cn.fasheng.reach.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import cn.fasheng.reach.ReachFigures.Series;
import cn.fasheng.reach.report.ReportChartParts.Axis;

/** A line per series over the days of the range, drawn as vector paths across the page's width. */
final class ReportLineChart {

    private static final float PLOT_HEIGHT = 150;
    private static final float DATE_ROOM = 18;
    private static final int MAX_DATE_LABELS = 8;
    private static final int DAYS_LABELLED_BY_DATE = 62;
    private static final float LEGEND_GAP = 10;
    /** Markers on every day only while there are few enough days to tell them apart. */
    private static final int MAX_MARKED_DAYS = 31;

    private ReportLineChart() {
    }

    static float height(ReportPages pages, List<Series> series) throws IOException {
        return legendHeight(pages, series) + LEGEND_GAP + PLOT_HEIGHT + DATE_ROOM;
    }

    /** Draws the chart from the cursor down and moves the cursor below it; the caller has made room for it. */
    static void draw(ReportPages pages, List<LocalDate> days, List<Series> series) throws IOException {
        PDPageContentStream out = pages.out();
        float top = pages.y();
        ReportChartParts.legend(pages, series.stream().map(Series::label).toList(), pages.left(), top, pages.width());
        float plotTop = top - legendHeight(pages, series) - LEGEND_GAP;
        float plotBottom = plotTop - PLOT_HEIGHT;
        long highest = 0;
        for (Series s : series) {
            for (int i = 0; i < days.size(); i++) {
                highest = Math.max(highest, ReportTables.valueAt(s, i));
            }
        }
        Axis axis = Axis.counting(highest);
        float axisLabels = 0;
        for (double tick : axis.ticks()) {
            axisLabels = Math.max(axisLabels, pages.width(pages.regular, ReportChartParts.LABEL_SIZE, axis.label(tick)));
        }
        float plotLeft = pages.left() + axisLabels + 6;
        float plotWidth = pages.left() + pages.width() - plotLeft - 8;
        float plotHeight = plotTop - plotBottom;

        for (double tick : axis.ticks()) {
            float y = axis.position(tick, plotBottom, plotHeight);
            ReportChartParts.line(out, tick == 0 ? ReportColors.MUTED : ReportColors.GRID, 0.6f, plotLeft, y, plotLeft + plotWidth, y);
            pages.textRight(pages.regular, ReportChartParts.LABEL_SIZE, ReportColors.MUTED, plotLeft - 4, y - 2.5f, axis.label(tick));
        }
        dateLabels(pages, days, plotLeft, plotWidth, plotBottom - 11);

        out.setLineJoinStyle(1);
        out.setLineCapStyle(1);
        for (int s = 0; s < series.size(); s++) {
            out.setStrokingColor(ReportColors.series(s));
            out.setNonStrokingColor(ReportColors.series(s));
            out.setLineWidth(1.4f);
            for (int i = 0; i < days.size(); i++) {
                float x = x(i, days.size(), plotLeft, plotWidth);
                float y = axis.position(ReportTables.valueAt(series.get(s), i), plotBottom, plotHeight);
                if (i == 0) {
                    out.moveTo(x, y);
                }
                else {
                    out.lineTo(x, y);
                }
            }
            out.stroke();
            for (int i = 0; days.size() <= MAX_MARKED_DAYS && i < days.size(); i++) {
                float x = x(i, days.size(), plotLeft, plotWidth);
                float y = axis.position(ReportTables.valueAt(series.get(s), i), plotBottom, plotHeight);
                out.addRect(x - 1.6f, y - 1.6f, 3.2f, 3.2f);
            }
            out.fill();
        }
        pages.down(height(pages, series));
    }

    /**
     * Dates under the axis that never overlap: the first of each month ("3月") over a long range, otherwise at most a
     * few days like "11/3" spread evenly from the first to the last.
     */
    private static void dateLabels(ReportPages pages, List<LocalDate> days, float plotLeft, float plotWidth, float baseline)
            throws IOException {
        boolean months = days.size() > DAYS_LABELLED_BY_DATE
                && days.stream().filter(day -> day.getDayOfMonth() == 1).count() >= 2;
        List<Integer> marks = new ArrayList<>();
        if (months) {
            IntStream.range(0, days.size()).filter(i -> days.get(i).getDayOfMonth() == 1).forEach(marks::add);
        }
        else {
            int labels = Math.min(days.size(), MAX_DATE_LABELS);
            IntStream.range(0, labels).map(k -> labels == 1 ? 0 : Math.round(k * (days.size() - 1) / (float) (labels - 1)))
                    .forEach(marks::add);
        }
        float widest = pages.width(pages.regular, ReportChartParts.LABEL_SIZE, "12/31") + 8;
        int every = (int) Math.ceil(marks.size() * widest / plotWidth);
        for (int m = 0; m < marks.size(); m += Math.max(1, every)) {
            int i = marks.get(m);
            LocalDate day = days.get(i);
            String label = months ? day.getMonthValue() + "月" : day.getMonthValue() + "/" + day.getDayOfMonth();
            float width = pages.width(pages.regular, ReportChartParts.LABEL_SIZE, label);
            float x = x(i, days.size(), plotLeft, plotWidth);
            pages.text(pages.regular, ReportChartParts.LABEL_SIZE, ReportColors.MUTED, x - width / 2, baseline, label);
            ReportChartParts.line(pages.out(), ReportColors.MUTED, 0.6f, x, baseline + 8, x, baseline + 11);
        }
    }

    private static float x(int day, int days, float plotLeft, float plotWidth) {
        return days == 1 ? plotLeft + plotWidth / 2 : plotLeft + day * plotWidth / (days - 1);
    }

    private static float legendHeight(ReportPages pages, List<Series> series) throws IOException {
        return ReportChartParts.legendRows(pages, series.stream().map(Series::label).toList(), pages.width())
                * ReportChartParts.LEGEND_ROW;
    }
}
