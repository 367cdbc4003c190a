package cn.fasheng.media.transcode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The private working directory of one processing run, and the content types of what it writes. */
public final class OutputFiles {

    private OutputFiles() {
    }

    /** A directory only this process's user can read, created under {@code parent}. */
    public static Path privateDirectory(Path parent, String prefix) {
        try {
            Files.createDirectories(parent);
            try {
                return Files.createTempDirectory(parent, prefix,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            catch (UnsupportedOperationException e) {
                return Files.createTempDirectory(parent, prefix);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("无法创建临时工作目录", e);
        }
    }

    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }

    public static void deleteOlderThan(Path parent, String prefix, java.time.Duration age) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        java.time.Instant cutoff = java.time.Instant.now().minus(age);
        try (Stream<Path> dirs = Files.list(parent)) {
            dirs.filter(d -> d.getFileName().toString().startsWith(prefix)).filter(d -> {
                try {
                    return Files.getLastModifiedTime(d).toInstant().isBefore(cutoff);
                }
                catch (IOException e) {
                    return false;
                }
            }).forEach(OutputFiles::deleteRecursively);
        }
        catch (IOException e) {
            // nothing to clean
        }
    }

    public static List<Path> filesUnder(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String contentType(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (lower.endsWith(".m4s")) {
            return "video/iso.segment";
        }
        if (lower.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        }
        if (lower.endsWith(".jpg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".vtt")) {
            return "text/vtt;charset=utf-8";
        }
        return "application/octet-stream";
    }
}
