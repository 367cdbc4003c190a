package cn.fasheng.reach.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** What the PDF's charts share: a value axis with round ticks, and a legend that wraps across the chart's width. */
final class ReportChartParts {

    static final float LABEL_SIZE = 7.5f;
    static final float LEGEND_ROW = 14;
    private static final float LEGEND_SIZE = 8;
    private static final float SWATCH = 9;
    private static final float LEGEND_GAP = 14;
    private static final float LEGEND_LABEL_WIDTH = 200;

    private ReportChartParts() {
    }

    /** From 0 to {@code max} in steps of 1, 2 or 5 times a power of ten, at most five of them. */
    record Axis(double max, double step, boolean percent) {

        static Axis counting(double highest) {
            if (highest <= 0) {
                return new Axis(5, 1, false);
            }
            double raw = highest / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = 10 * magnitude;
            for (double m : new double[] {1, 2, 5}) {
                if (m * magnitude >= raw) {
                    step = m * magnitude;
                    break;
                }
            }
            step = Math.max(1, step);
            return new Axis(Math.ceil(highest / step) * step, step, false);
        }

        static Axis percentage() {
            return new Axis(100, 20, true);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (int i = 0; i * step <= max + step / 1000; i++) {
                ticks.add(i * step);
            }
            return ticks;
        }

        String label(double value) {
            return percent ? Math.round(value) + "%" : ReportTables.display(Math.round(value));
        }

        float position(double value, float from, float length) {
            return from + (float) (Math.min(value, max) / max) * length;
        }
    }

    static int legendRows(ReportPages pages, List<String> labels, float width) throws IOException {
        return layout(pages, labels, width).stream().mapToInt(p -> (int) p[1]).max().orElse(-1) + 1;
    }

    /** The legend's rows from {@code top} down, a coloured square before each label, in the series' colours. */
    static void legend(ReportPages pages, List<String> labels, float left, float top, float width) throws IOException {
        List<float[]> places = layout(pages, labels, width);
        PDPageContentStream out = pages.out();
        for (int i = 0; i < labels.size(); i++) {
            float x = left + places.get(i)[0];
            float baseline = top - 10 - places.get(i)[1] * LEGEND_ROW;
            out.setNonStrokingColor(ReportColors.series(i));
            out.addRect(x, baseline - 0.5f, SWATCH, SWATCH - 2);
            out.fill();
            pages.text(pages.regular, LEGEND_SIZE, ReportColors.INK, x + SWATCH + 4, baseline, label(pages, labels.get(i)));
        }
    }

    /** Each entry's offset from the left and its row. */
    private static List<float[]> layout(ReportPages pages, List<String> labels, float width) throws IOException {
        List<float[]> places = new ArrayList<>();
        float x = 0;
        int row = 0;
        for (String label : labels) {
            float entry = SWATCH + 4 + pages.width(pages.regular, LEGEND_SIZE, label(pages, label));
            if (x > 0 && x + entry > width) {
                x = 0;
                row++;
            }
            places.add(new float[] {x, row});
            x += entry + LEGEND_GAP;
        }
        return places;
    }

    private static String label(ReportPages pages, String label) throws IOException {
        return pages.fit(pages.regular, LEGEND_SIZE, label, LEGEND_LABEL_WIDTH);
    }

    static void line(PDPageContentStream out, Color color, float width, float x1, float y1, float x2, float y2)
            throws IOException {
        out.setStrokingColor(color);
        out.setLineWidth(width);
        out.moveTo(x1, y1);
        out.lineTo(x2, y2);
        out.stroke();
    }
}
