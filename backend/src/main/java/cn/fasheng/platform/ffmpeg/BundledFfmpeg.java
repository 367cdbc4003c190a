package cn.fasheng.platform.ffmpeg;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.bytedeco.javacpp.Loader;

/**
 * The ffmpeg and ffprobe programs shipped in org.bytedeco's linux-x86_64-gpl jar, extracted to the JavaCPP
 * cache. They are not loaded into the JVM (that would pull in every device library); they run as programs,
 * with the extracted directory as their library path, since the libraries carry no run path of their own.
 */
final class BundledFfmpeg {

    static final String PULSE = "libpulse.so.0";

    private BundledFfmpeg() {
    }

    /** Programs and the library path they need. */
    record Extracted(Path ffmpeg, Path ffprobe, String libraryPath) {
    }

    static Extracted extract() {
        try {
            File[] dirs = Loader.cacheResources(org.bytedeco.ffmpeg.ffmpeg.class, Loader.getPlatform() + "-gpl/");
            if (dirs == null || dirs.length == 0) {
                throw new IllegalStateException("应用自带的 FFmpeg 不支持当前平台 " + Loader.getPlatform()
                        + "，请配置 FASHENG_FFMPEG_PATH 与 FASHENG_FFPROBE_PATH");
            }
            Path dir = dirs[0].toPath();
            Path ffmpeg = executable(dir.resolve("ffmpeg"));
            Path ffprobe = executable(dir.resolve("ffprobe"));
            return new Extracted(ffmpeg, ffprobe, dir.toString());
        }
        catch (IOException e) {
            throw new UncheckedIOException("无法解压应用自带的 FFmpeg", e);
        }
    }

    /**
     * libavdevice links the PulseAudio client library, which minimal servers lack; without it the loader
     * refuses to start ffmpeg. We never use audio devices, so a stand-in that satisfies the loader is put
     * on the library path (source: backend/src/main/native/pulse-shim).
     */
    static String withPulseStandIn(String libraryPath) {
        try (InputStream in = BundledFfmpeg.class.getResourceAsStream("/native/" + Loader.getPlatform() + "/" + PULSE)) {
            if (in == null) {
                throw new IllegalStateException("系统缺少 " + PULSE + "（Debian/Ubuntu：apt-get install libpulse0）");
            }
            Path dir = Loader.getCacheDir().toPath().resolve("fasheng-pulse-stand-in");
            Files.createDirectories(dir);
            Files.copy(in, dir.resolve(PULSE), StandardCopyOption.REPLACE_EXISTING);
            return libraryPath + File.pathSeparator + dir;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path executable(Path program) {
        if (!Files.isRegularFile(program) || !program.toFile().setExecutable(true)) {
            throw new IllegalStateException("应用自带的 FFmpeg 缺少 " + program.getFileName());
        }
        return program;
    }
}
