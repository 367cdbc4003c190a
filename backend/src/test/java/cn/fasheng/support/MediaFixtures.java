package cn.fasheng.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.fasheng.platform.ffmpeg.FfmpegBinaries;

/** Real clips made by the bundled FFmpeg from its test sources, for upload, probe and transcode tests. */
public final class MediaFixtures {

    private static final long TIMEOUT_SECONDS = 120;
    private static final int TAIL_CHARS = 2000;

    private MediaFixtures() {
    }

    public static Path landscape(FfmpegBinaries ff, Path dir, int width, int height, double seconds) {
        return h264(ff, dir.resolve("landscape-" + width + "x" + height + ".mp4"), width, height, seconds, true);
    }

    public static Path portrait(FfmpegBinaries ff, Path dir, int width, int height, double seconds) {
        return h264(ff, dir.resolve("portrait-" + width + "x" + height + ".mp4"), width, height, seconds, true);
    }

    public static Path silent(FfmpegBinaries ff, Path dir, int width, int height, double seconds) {
        return h264(ff, dir.resolve("silent-" + width + "x" + height + ".mp4"), width, height, seconds, false);
    }

    public static Path gifAnimation(FfmpegBinaries ff, Path dir, int width, int height, double seconds) {
        Path out = dir.resolve("animation-" + width + "x" + height + ".gif");
        List<String> args = video(width, height, 10, seconds);
        args.addAll(List.of("-loop", "0", "-f", "gif", out.toString()));
        ffmpeg(ff, args);
        return out;
    }

    /** MPEG-4 Part 2 + PCM in AVI: a source that has to be re-encoded, not remuxed. */
    public static Path mpeg4Avi(FfmpegBinaries ff, Path dir, int width, int height, double seconds) {
        Path out = dir.resolve("mpeg4-" + width + "x" + height + ".avi");
        List<String> args = video(width, height, 25, seconds);
        args.addAll(audio(seconds));
        args.addAll(List.of("-c:v", "mpeg4", "-q:v", "5", "-c:a", "pcm_s16le", "-ac", "2", "-shortest",
                "-f", "avi", out.toString()));
        ffmpeg(ff, args);
        return out;
    }

    public static Path srtCaptions(Path dir) {
        Path out = dir.resolve("captions.srt");
        String srt = """
                1
                00:00:00,000 --> 00:00:01,000
                各位居民好

                2
                00:00:01,000 --> 00:00:02,000
                今天我们一起学习民法典

                """;
        try {
            return Files.writeString(out, srt, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String probeJson(FfmpegBinaries ff, Path file) {
        return run(ff, List.of(ff.ffprobe(), "-hide_banner", "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", file.toString()));
    }

    private static Path h264(FfmpegBinaries ff, Path out, int width, int height, double seconds, boolean withAudio) {
        List<String> args = video(width, height, 25, seconds);
        if (withAudio) {
            args.addAll(audio(seconds));
        }
        args.addAll(List.of("-c:v", "libx264", "-profile:v", "high", "-pix_fmt", "yuv420p", "-preset", "veryfast"));
        args.addAll(withAudio ? List.of("-c:a", "aac", "-ac", "2", "-b:a", "128k", "-shortest") : List.of("-an"));
        args.addAll(List.of("-f", "mp4", out.toString()));
        ffmpeg(ff, args);
        return out;
    }

    private static List<String> video(int width, int height, int fps, double seconds) {
        return new ArrayList<>(List.of("-f", "lavfi", "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=" + fps + ":duration=" + seconds));
    }

    private static List<String> audio(double seconds) {
        return List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds);
    }

    private static void ffmpeg(FfmpegBinaries ff, List<String> args) {
        List<String> command = new ArrayList<>(List.of(ff.ffmpeg(), "-hide_banner", "-nostdin", "-v", "error", "-y"));
        command.addAll(args);
        run(ff, command);
    }

    private static String run(FfmpegBinaries ff, List<String> command) {
        Path out = null;
        Path err = null;
        try {
            // Both streams go to files, so neither pipe can fill up and the timeout below holds.
            out = Files.createTempFile("fasheng-media-", ".out");
            err = Files.createTempFile("fasheng-media-", ".err");
            Process process = ff.processBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            String program = Path.of(command.get(0)).getFileName().toString();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(program + " ran longer than " + TIMEOUT_SECONDS + " s: " + command);
            }
            if (process.exitValue() != 0) {
                String errors = new String(Files.readAllBytes(err), StandardCharsets.UTF_8).strip();
                throw new IllegalStateException(program + " exited with " + process.exitValue() + ": "
                        + errors.substring(Math.max(0, errors.length() - TAIL_CHARS)) + "\n" + command);
            }
            return new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
        catch (IOException ignored) {
            // A leftover temp file must not hide the real outcome.
        }
    }
}
