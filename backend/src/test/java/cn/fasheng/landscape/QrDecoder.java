package cn.fasheng.landscape;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads QR codes back the way a phone does: from pixels, a PNG or a printed (rendered) PDF page. */
final class QrDecoder {

    private QrDecoder() {
    }

    static String fromPng(byte[] png) {
        try {
            return decode(ImageIO.read(new ByteArrayInputStream(png)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first page rendered at 150 dpi, as a scan of the printed poster would be. */
    static String fromPdf(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return decode(new PDFRenderer(doc).renderImageWithDPI(0, 150));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decode(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        }
        catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no readable QR code in the image", e);
        }
    }
}
