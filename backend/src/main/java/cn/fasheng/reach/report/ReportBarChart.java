package cn.fasheng.reach.report;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import cn.fasheng.reach.report.ReportChartParts.Axis;

/**
 * Horizontal bars, one per row with its name on the left (Chinese names read best that way) and its figure at the
 * bar's end; a bar of several parts is stacked in the series' colours with a legend above.
 */
final class ReportBarChart {

    private static final float ROW = 16;
    private static final float BAR = 10;
    private static final float NAME_WIDTH = 150;
    private static final float VALUE_WIDTH = 52;
    private static final float TICK_ROOM = 14;

    /** One bar: its name, the length of each part, and the figure printed after it ("" for none). */
    record Bar(String name, double[] parts, String figure) {
    }

    private ReportBarChart() {
    }

    static float height(ReportPages pages, List<Bar> bars, List<String> parts) throws IOException {
        return legendHeight(pages, parts) + bars.size() * ROW + TICK_ROOM + 4;
    }

    /** Draws the chart from the cursor down and moves the cursor below it; the caller has made room for it. */
    static void draw(ReportPages pages, List<Bar> bars, List<String> parts, Axis axis) throws IOException {
        PDPageContentStream out = pages.out();
        float top = pages.y();
        float plotLeft = pages.left() + NAME_WIDTH + 8;
        float plotWidth = pages.width() - NAME_WIDTH - 8 - VALUE_WIDTH;
        if (parts.size() > 1) {
            ReportChartParts.legend(pages, parts, plotLeft, top, plotWidth + VALUE_WIDTH);
        }
        float rowsTop = top - legendHeight(pages, parts) - 2;
        float rowsBottom = rowsTop - bars.size() * ROW;

        for (double tick : axis.ticks()) {
            float x = axis.position(tick, plotLeft, plotWidth);
            ReportChartParts.line(out, tick == 0 ? ReportColors.MUTED : ReportColors.GRID, 0.6f, x, rowsTop, x, rowsBottom);
            String label = axis.label(tick);
            float width = pages.width(pages.regular, ReportChartParts.LABEL_SIZE, label);
            pages.text(pages.regular, ReportChartParts.LABEL_SIZE, ReportColors.MUTED, x - width / 2, rowsBottom - 10, label);
        }
        for (int b = 0; b < bars.size(); b++) {
            Bar bar = bars.get(b);
            float middle = rowsTop - b * ROW - ROW / 2;
            String name = pages.fit(pages.regular, 8, bar.name(), NAME_WIDTH);
            pages.textRight(pages.regular, 8, ReportColors.INK, pages.left() + NAME_WIDTH, middle - 3, name);
            double sum = 0;
            for (int p = 0; p < bar.parts().length; p++) {
                float from = axis.position(sum, plotLeft, plotWidth);
                sum += bar.parts()[p];
                float to = axis.position(sum, plotLeft, plotWidth);
                if (to > from) {
                    out.setNonStrokingColor(ReportColors.series(p));
                    out.addRect(from, middle - BAR / 2, to - from, BAR);
                    out.fill();
                }
            }
            float end = axis.position(sum, plotLeft, plotWidth);
            pages.text(pages.regular, ReportChartParts.LABEL_SIZE, ReportColors.INK, end + 4, middle - 2.5f, bar.figure());
        }
        pages.down(height(pages, bars, parts));
    }

    private static float legendHeight(ReportPages pages, List<String> parts) throws IOException {
        float width = pages.width() - NAME_WIDTH - 8;
        return parts.size() > 1 ? ReportChartParts.legendRows(pages, parts, width) * ReportChartParts.LEGEND_ROW : 0;
    }
}
