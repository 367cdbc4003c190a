package cn.fasheng.media;

import java.util.Optional;

/**
 * Width and height read from an image's header without decoding it, so a small file that would decode to
 * billions of pixels (a pixel flood) is refused before anything touches its pixels.
 */
public final class ImageDimensions {

    public record Size(long width, long height) {

        public long pixels() {
            return width * height;
        }
    }

    private ImageDimensions() {
    }

    public static Optional<Size> of(byte[] b, FileSignature type) {
        return switch (type) {
            case PNG -> b.length >= 24 ? Optional.of(new Size(int32(b, 16), int32(b, 20))) : Optional.empty();
            case GIF -> b.length >= 10 ? Optional.of(new Size(u16le(b, 6), u16le(b, 8))) : Optional.empty();
            case JPEG -> jpeg(b);
            case WEBP -> webp(b);
            default -> Optional.empty();
        };
    }

    private static Optional<Size> jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0xFF) {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }
            int length = u16be(b, i + 2);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                return Optional.of(new Size(u16be(b, i + 7), u16be(b, i + 5)));
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<Size> webp(byte[] b) {
        if (b.length < 30) {
            return Optional.empty();
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> Optional.of(new Size(1 + u24le(b, 24), 1 + u24le(b, 27)));
            case "VP8L" -> {
                long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
                yield Optional.of(new Size(1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF)));
            }
            case "VP8 " -> Optional.of(new Size(u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF));
            default -> Optional.empty();
        };
    }

    private static long int32(byte[] b, int i) {
        return (b[i] & 0xFFL) << 24 | (b[i + 1] & 0xFFL) << 16 | (b[i + 2] & 0xFFL) << 8 | (b[i + 3] & 0xFFL);
    }

    private static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int u24le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }
}
