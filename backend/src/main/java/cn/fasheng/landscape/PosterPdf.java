package cn.fasheng.landscape;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import com.google.zxing.common.BitMatrix;

import cn.fasheng.content.HtmlSanitizer;
import cn.fasheng.platform.pdf.PdfFonts;

/**
 * The A4 poster for a site's board: the column's identity, the site's name, a photo, a few lines about it, and a
 * large QR code to its short address, drawn as vector squares so that it stays sharp at any print size.
 */
final class PosterPdf {

    private static final float MARGIN = 48;
    /** Text stops above the QR code's block. */
    private static final float TEXT_FLOOR = 268;
    private static final Color RED = new Color(0xB3, 0x12, 0x1B);
    private static final Color INK = new Color(0x1F, 0x23, 0x29);
    private static final Color MUTED = new Color(0x5C, 0x64, 0x70);

    /** What the poster shows; {@code photoJpeg} may be null. */
    record Poster(String columnName, String tagline, LandscapeSite site, byte[] photoJpeg, String shortUrl,
            String printedOn) {
    }

    private PosterPdf() {
    }

    static byte[] render(Poster poster) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font regular = PdfFonts.regular(doc);
            PDType0Font bold = PdfFonts.bold(doc);
            LandscapeSite site = poster.site();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(site.name() + " - 家门口法治微景观");
            info.setAuthor(poster.columnName());
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            float width = PDRectangle.A4.getWidth();
            float height = PDRectangle.A4.getHeight();
            float textWidth = width - 2 * MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.setNonStrokingColor(RED);
                out.addRect(0, height - 86, width, 86);
                out.fill();
                text(out, bold, 26, Color.WHITE, MARGIN, height - 48, poster.columnName());
                text(out, regular, 12, Color.WHITE, MARGIN, height - 70, poster.tagline());
                String kicker = "家门口法治微景观";
                text(out, bold, 16, Color.WHITE, width - MARGIN - bold.getStringWidth(kicker) / 1000 * 16, height - 52, kicker);

                float y = height - 86 - 52;
                for (String line : wrap(bold, site.name(), 30, textWidth, 2)) {
                    text(out, bold, 30, INK, MARGIN, y, line);
                    y -= 40;
                }
                String sub = site.street() + " · " + site.category() + (site.status() == SiteStatus.OPEN ? "" : " · " + site.status().label());
                text(out, regular, 14, MUTED, MARGIN, y + 8, sub);
                y -= 20;

                // The facts and the QR code matter most on a board: their room is kept first, the photo and the text
                // share what is left (at least two lines of text when there is any).
                List<String[]> facts = new ArrayList<>();
                float factsHeight = 6;
                for (String[] row : facts(site)) {
                    List<String> lines = wrap(regular, row[1], 12, textWidth - 70, 2);
                    facts.add(new String[] {row[0], String.join("\n", lines)});
                    factsHeight += 18 * Math.max(1, lines.size());
                }
                String about = HtmlSanitizer.text(site.descriptionHtml() == null ? "" : site.descriptionHtml()).strip();
                float textRoom = about.isEmpty() ? 0 : 2 * 20;
                PDImageXObject photo = image(doc, poster.photoJpeg());
                if (photo != null) {
                    float boxHeight = Math.min(250, y - TEXT_FLOOR - factsHeight - textRoom - 26);
                    if (boxHeight > 60) {
                        float scale = Math.min(textWidth / photo.getWidth(), boxHeight / photo.getHeight());
                        float w = photo.getWidth() * scale;
                        float h = photo.getHeight() * scale;
                        out.drawImage(photo, MARGIN + (textWidth - w) / 2, y - h, w, h);
                        y -= h + 26;
                    }
                }
                int aboutLines = (int) Math.floor((y - TEXT_FLOOR - factsHeight) / 20);
                for (String line : wrap(regular, about, 13, textWidth, Math.max(0, Math.min(10, aboutLines)))) {
                    text(out, regular, 13, INK, MARGIN, y, line);
                    y -= 20;
                }
                y -= 6;
                for (String[] row : facts) {
                    text(out, bold, 12, MUTED, MARGIN, y, row[0]);
                    for (String line : row[1].split("\n")) {
                        text(out, regular, 12, INK, MARGIN + 70, y, line);
                        y -= 18;
                    }
                }

                float qrSize = 168;
                float qrY = 70;
                qr(out, QrCodes.matrix(poster.shortUrl()), MARGIN, qrY, qrSize);
                float right = MARGIN + qrSize + 24;
                text(out, bold, 22, RED, right, qrY + qrSize - 44, "扫码了解更多");
                text(out, regular, 13, INK, right, qrY + qrSize - 72, "用微信或手机相机扫描二维码，");
                text(out, regular, 13, INK, right, qrY + qrSize - 92, "查看介绍、观看普法微视频、阅读普法文章");
                text(out, regular, 11, MUTED, right, qrY + 30, poster.shortUrl());

                out.setStrokingColor(RED);
                out.setLineWidth(1.5f);
                out.moveTo(MARGIN, 52);
                out.lineTo(width - MARGIN, 52);
                out.stroke();
                text(out, regular, 10, MUTED, MARGIN, 34, poster.columnName() + " · " + poster.tagline());
                String printed = "印制于 " + poster.printedOn();
                text(out, regular, 10, MUTED, width - MARGIN - regular.getStringWidth(printed) / 1000 * 10, 34, printed);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException("海报生成失败", e);
        }
    }

    /** The photo, or none when its bytes are not a picture PDFBox can embed (the poster is still worth having). */
    private static PDImageXObject image(PDDocument doc, byte[] jpeg) {
        if (jpeg == null) {
            return null;
        }
        try {
            return PDImageXObject.createFromByteArray(doc, jpeg, "photo.jpg");
        }
        catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String[]> facts(LandscapeSite site) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"地址", site.address()});
        if (site.openingHours() != null) {
            rows.add(new String[] {"开放时间", site.openingHours()});
        }
        LandscapeSite.Accessibility access = site.access();
        if (access != null && access.any()) {
            List<String> parts = new ArrayList<>();
            if (access.stepFree()) {
                parts.add("无障碍通道");
            }
            if (access.seating()) {
                parts.add("休息座椅");
            }
            if (access.accessibleToilet()) {
                parts.add("无障碍卫生间");
            }
            if (access.notes() != null && !access.notes().isBlank()) {
                parts.add(access.notes());
            }
            rows.add(new String[] {"无障碍", String.join("；", parts)});
        }
        return rows;
    }

    private static void qr(PDPageContentStream out, BitMatrix m, float x, float y, float size) throws IOException {
        float unit = size / m.getWidth();
        out.setNonStrokingColor(Color.WHITE);
        out.addRect(x, y, size, size);
        out.fill();
        out.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    out.addRect(x + col * unit, y + size - (row + 1) * unit, unit, unit);
                }
            }
        }
        out.fill();
    }

    private static void text(PDPageContentStream out, PDType0Font font, float size, Color color, float x, float y,
            String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.setNonStrokingColor(color);
        out.newLineAtOffset(x, y);
        out.showText(PdfFonts.printable(font, text));
        out.endText();
    }

    /** Lines of at most {@code width}, broken between any two characters (Chinese has no spaces); "…" past {@code max}. */
    static List<String> wrap(PDType0Font font, String text, float size, float width, int max) throws IOException {
        List<String> lines = new ArrayList<>();
        if (max <= 0) {
            return lines;
        }
        String clean = PdfFonts.printable(font, text);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            String next = line + new String(Character.toChars(cp));
            if (font.getStringWidth(next) / 1000 * size > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder();
                if (lines.size() == max) {
                    String last = lines.get(max - 1);
                    lines.set(max - 1, last.substring(0, Math.max(0, last.length() - 1)) + "…");
                    return lines;
                }
                continue;
            }
            line.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
