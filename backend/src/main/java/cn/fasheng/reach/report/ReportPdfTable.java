package cn.fasheng.reach.report;

import java.awt.Color;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import cn.fasheng.reach.report.ReportTables.Percent;
import cn.fasheng.reach.report.ReportTables.Table;

/**
 * A table across the width of the page: figures right-aligned, text cut short with "…" to its column, the header
 * repeated on every page the table runs onto.
 */
final class ReportPdfTable {

    private static final float SIZE = 8;
    private static final float HEADER_HEIGHT = 18;
    private static final float ROW_HEIGHT = 15;
    private static final float PAD = 4;
    /** A text column is never squeezed below this, whatever the figures beside it need. */
    private static final float MIN_TEXT_WIDTH = 48;

    private ReportPdfTable() {
    }

    static void draw(ReportPages pages, Table table) throws IOException {
        int columns = table.headers().size();
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            for (List<Object> row : table.rows()) {
                numeric[c] |= row.get(c) instanceof Long || row.get(c) instanceof Percent;
            }
        }
        float[] widths = widths(pages, table, numeric);
        pages.ensure(HEADER_HEIGHT + 2 * ROW_HEIGHT);
        header(pages, table.headers(), widths, numeric);
        for (int r = 0; r < table.rows().size(); r++) {
            if (!pages.fits(ROW_HEIGHT)) {
                pages.newPage();
                header(pages, table.headers(), widths, numeric);
            }
            row(pages, table.rows().get(r), widths, numeric, r % 2 == 1 ? ReportColors.STRIPE : null, pages.regular);
        }
        if (table.footer() != null) {
            pages.ensure(ROW_HEIGHT);
            rule(pages.out(), pages.left(), pages.y(), pages.width());
            row(pages, table.footer(), widths, numeric, null, pages.bold);
        }
        pages.down(10);
    }

    /**
     * Columns that all fit widen alike to fill the page. Otherwise figures get the room they need and text columns share
     * the rest: a narrow one keeps its width, wider ones split what is left evenly. When even the figures do not fit,
     * every column shrinks alike.
     */
    private static float[] widths(ReportPages pages, Table table, boolean[] numeric) throws IOException {
        int columns = numeric.length;
        float[] natural = new float[columns];
        float figures = 0;
        int textColumns = 0;
        for (int c = 0; c < columns; c++) {
            natural[c] = pages.width(pages.bold, SIZE, table.headers().get(c));
            for (List<Object> row : table.rows()) {
                natural[c] = Math.max(natural[c], pages.width(pages.regular, SIZE, ReportTables.display(row.get(c))));
            }
            natural[c] += 2 * PAD;
            figures += numeric[c] ? natural[c] : 0;
            textColumns += numeric[c] ? 0 : 1;
        }
        float room = pages.width() - figures;
        float[] widths = natural.clone();
        float all = (float) IntStream.range(0, columns).mapToDouble(c -> natural[c]).sum();
        if (all <= pages.width()) {
            for (int c = 0; c < columns; c++) {
                widths[c] = natural[c] * pages.width() / all;
            }
            return widths;
        }
        if (textColumns == 0 || room < textColumns * MIN_TEXT_WIDTH) {
            float total = figures + textColumns * MIN_TEXT_WIDTH;
            for (int c = 0; c < columns; c++) {
                widths[c] = (numeric[c] ? natural[c] : MIN_TEXT_WIDTH) * pages.width() / total;
            }
            return widths;
        }
        Integer[] byWidth = IntStream.range(0, columns).filter(c -> !numeric[c]).boxed()
                .sorted(Comparator.comparingDouble(c -> natural[c])).toArray(Integer[]::new);
        for (int i = 0; i < byWidth.length; i++) {
            widths[byWidth[i]] = Math.min(natural[byWidth[i]], room / (byWidth.length - i));
            room -= widths[byWidth[i]];
        }
        return widths;
    }

    private static void header(ReportPages pages, List<String> headers, float[] widths, boolean[] numeric) throws IOException {
        PDPageContentStream out = pages.out();
        float top = pages.y();
        out.setNonStrokingColor(ReportColors.HEADER_FILL);
        out.addRect(pages.left(), top - HEADER_HEIGHT, pages.width(), HEADER_HEIGHT);
        out.fill();
        cells(pages, headers.stream().map(h -> (Object) h).toList(), widths, numeric, top - 12, pages.bold);
        pages.down(HEADER_HEIGHT);
        rule(out, pages.left(), pages.y(), pages.width());
    }

    private static void row(ReportPages pages, List<Object> values, float[] widths, boolean[] numeric, Color fill,
            PDType0Font font) throws IOException {
        float top = pages.y();
        if (fill != null) {
            pages.out().setNonStrokingColor(fill);
            pages.out().addRect(pages.left(), top - ROW_HEIGHT, pages.width(), ROW_HEIGHT);
            pages.out().fill();
        }
        cells(pages, values, widths, numeric, top - 10.5f, font);
        pages.down(ROW_HEIGHT);
    }

    private static void cells(ReportPages pages, List<Object> values, float[] widths, boolean[] numeric, float baseline,
            PDType0Font font) throws IOException {
        float x = pages.left();
        for (int c = 0; c < values.size(); c++) {
            String text = pages.fit(font, SIZE, ReportTables.display(values.get(c)), widths[c] - 2 * PAD);
            if (numeric[c]) {
                pages.textRight(font, SIZE, ReportColors.INK, x + widths[c] - PAD, baseline, text);
            }
            else {
                pages.text(font, SIZE, ReportColors.INK, x + PAD, baseline, text);
            }
            x += widths[c];
        }
    }

    private static void rule(PDPageContentStream out, float x, float y, float width) throws IOException {
        out.setStrokingColor(ReportColors.RULE);
        out.setLineWidth(0.6f);
        out.moveTo(x, y);
        out.lineTo(x + width, y);
        out.stroke();
    }
}
