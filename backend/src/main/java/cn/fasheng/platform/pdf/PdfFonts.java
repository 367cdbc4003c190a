package cn.fasheng.platform.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;

/**
 * The bundled Chinese font (a GB2312 subset of Noto Sans SC, see resources/fonts), embedded into each PDF as a
 * subset of the glyphs it uses, so documents print the same on machines without Chinese fonts. Characters the
 * font lacks are replaced by {@link #printable}, never a failed document.
 */
public final class PdfFonts {

    private static final String MISSING = "〓";

    private PdfFonts() {
    }

    public static PDType0Font regular(PDDocument document) {
        return load(document, "fonts/FashengSansSC-Regular.ttf");
    }

    public static PDType0Font bold(PDDocument document) {
        ClassPathResource bold = new ClassPathResource("fonts/FashengSansSC-Bold.ttf");
        return bold.exists() ? load(document, "fonts/FashengSansSC-Bold.ttf") : regular(document);
    }

    /** The text with every character the font cannot draw replaced by "〓" (the printer's mark for a missing character), and line breaks and tabs as spaces. */
    public static String printable(PDType0Font font, String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
                return;
            }
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            }
            catch (IOException | IllegalArgumentException e) {
                out.append(MISSING);
            }
        });
        return out.toString();
    }

    private static PDType0Font load(PDDocument document, String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return PDType0Font.load(document, in, true);
        }
        catch (IOException e) {
            throw new UncheckedIOException("读不出内置字体 " + path, e);
        }
    }
}
