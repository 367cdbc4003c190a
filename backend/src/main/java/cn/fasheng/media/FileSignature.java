package cn.fasheng.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Recognises a file by its first bytes, never by its name or declared type. */
public enum FileSignature {
    JPEG("jpg", "image/jpeg", true),
    PNG("png", "image/png", true),
    GIF("gif", "image/gif", true),
    WEBP("webp", "image/webp", true),
    MP4("mp4", "video/mp4", false),
    WEBM("webm", "video/webm", false),
    AVI("avi", "video/x-msvideo", false),
    FLV("flv", "video/x-flv", false),
    MPEG_TS("ts", "video/mp2t", false);

    private final String extension;
    private final String contentType;
    private final boolean image;

    FileSignature(String extension, String contentType, boolean image) {
        this.extension = extension;
        this.contentType = contentType;
        this.image = image;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public boolean image() {
        return image;
    }

    /** Kinds a video or animation original may be: PNG only as an animation (APNG; ffprobe tells). */
    public boolean acceptableMedia(AssetKind kind) {
        return switch (this) {
            case JPEG, WEBP -> false;
            case PNG, GIF -> kind == AssetKind.ANIMATION;
            default -> true;
        };
    }

    public static Optional<FileSignature> of(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(head, 4, "ftyp")) {
            return Optional.of(MP4);
        }
        if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of(WEBM);
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "AVI ")) {
            return Optional.of(AVI);
        }
        if (ascii(head, 0, "FLV") && head.length > 3 && head[3] == 1) {
            return Optional.of(FLV);
        }
        if (head.length > 188 && head[0] == 0x47 && head[188] == 0x47) {
            return Optional.of(MPEG_TS);
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] head, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        return head.length >= offset + expected.length
                && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
