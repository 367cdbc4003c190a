package cn.fasheng.reach.report;

import java.awt.Color;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import cn.fasheng.platform.pdf.PdfFonts;

/**
 * The flow of A4 pages: a cursor that moves down the page, a new page (with its footer) when the next block does not
 * fit, and text that always goes through {@link PdfFonts#printable}.
 */
final class ReportPages implements AutoCloseable {

    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float TOP = SIZE.getHeight() - 52;
    private static final float BOTTOM = 62;
    private static final String ELLIPSIS = "…";

    final PDType0Font regular;
    final PDType0Font bold;
    private final PDDocument document;
    private final String footer;
    private PDPageContentStream out;
    private float y;
    private int pages;

    ReportPages(PDDocument document, String footer) {
        this.document = document;
        this.footer = footer;
        this.regular = PdfFonts.regular(document);
        this.bold = PdfFonts.bold(document);
    }

    PDPageContentStream out() {
        return out;
    }

    float left() {
        return MARGIN;
    }

    float width() {
        return SIZE.getWidth() - 2 * MARGIN;
    }

    /** Where the next block starts: the top of its first line. */
    float y() {
        return y;
    }

    void down(float height) {
        y -= height;
    }

    /** A new page unless {@code height} still fits above the footer; also when no page has been started. */
    void ensure(float height) throws IOException {
        if (out == null || !fits(height)) {
            newPage();
        }
    }

    boolean fits(float height) {
        return y - height >= BOTTOM;
    }

    boolean atTop() {
        return y == TOP;
    }

    void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        pages++;
        out = new PDPageContentStream(document, page);
        y = TOP;
        out.setStrokingColor(ReportColors.RULE);
        out.setLineWidth(0.5f);
        out.moveTo(MARGIN, 44);
        out.lineTo(SIZE.getWidth() - MARGIN, 44);
        out.stroke();
        String line = fit(regular, 8, footer + " · 第 " + pages + " 页", width());
        text(regular, 8, ReportColors.MUTED, (SIZE.getWidth() - width(regular, 8, line)) / 2, 30, line);
    }

    void text(PDType0Font font, float size, Color color, float x, float baseline, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.setNonStrokingColor(color);
        out.newLineAtOffset(x, baseline);
        out.showText(PdfFonts.printable(font, text));
        out.endText();
    }

    void textRight(PDType0Font font, float size, Color color, float right, float baseline, String text) throws IOException {
        text(font, size, color, right - width(font, size, text), baseline, text);
    }

    float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(PdfFonts.printable(font, text)) / 1000 * size;
    }

    /** The text as it will be printed, cut short with "…" when it is wider than {@code width}. */
    String fit(PDType0Font font, float size, String text, float width) throws IOException {
        String printable = PdfFonts.printable(font, text);
        // A hair of tolerance: a column sized to its text must not cut that text for a rounding error.
        if (width(font, size, printable) <= width + 0.01f) {
            return printable;
        }
        int[] cps = printable.codePoints().toArray();
        int n = cps.length;
        while (n > 0 && width(font, size, new String(cps, 0, n) + ELLIPSIS) > width) {
            n--;
        }
        return n == 0 ? "" : new String(cps, 0, n) + ELLIPSIS;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
