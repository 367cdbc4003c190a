package cn.fasheng.platform.ffmpeg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runnable ffmpeg and ffprobe, checked at start-up: the application refuses to start without the
 * H.264 (libx264) and AAC encoders every transcode needs.
 *
 * @param libraryPath what the programs need on LD_LIBRARY_PATH (the bundled build), or null
 */
public record FfmpegBinaries(String ffmpeg, String ffprobe, String libraryPath, String version) {

    static final List<String> REQUIRED_ENCODERS = List.of("libx264", "aac");

    /** Every FFmpeg process is started from here, so it finds its libraries. */
    public ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (libraryPath != null) {
            String inherited = System.getenv("LD_LIBRARY_PATH");
            builder.environment().put("LD_LIBRARY_PATH",
                    inherited == null || inherited.isBlank() ? libraryPath : libraryPath + ":" + inherited);
        }
        return builder;
    }

    static FfmpegBinaries verify(String ffmpeg, String ffprobe, String libraryPath) {
        FfmpegBinaries unverified = new FfmpegBinaries(ffmpeg, ffprobe, libraryPath, null);
        String versionLine = firstLine(unverified.run(ffmpeg, "-hide_banner", "-version"));
        unverified.run(ffprobe, "-hide_banner", "-version");
        String encoders = unverified.run(ffmpeg, "-hide_banner", "-encoders");
        List<String> missing = REQUIRED_ENCODERS.stream().filter(name -> !listsEncoder(encoders, name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("FFmpeg（" + ffmpeg + "）缺少编码器 " + String.join("、", missing)
                    + "，无法转码视频。请使用带 libx264 与 aac 的 FFmpeg（配置 FASHENG_FFMPEG_PATH），或使用应用自带的 FFmpeg。");
        }
        return new FfmpegBinaries(ffmpeg, ffprobe, libraryPath, versionLine);
    }

    /** True when the program starts; false when the loader cannot find one of its libraries. */
    static boolean loads(String executable, String libraryPath) {
        try {
            new FfmpegBinaries(executable, executable, libraryPath, null).run(executable, "-hide_banner", "-version");
            return true;
        }
        catch (IllegalStateException e) {
            return false;
        }
    }

    static boolean listsEncoder(String encoderList, String name) {
        return encoderList.lines().map(String::trim).anyMatch(line -> {
            String[] columns = line.split("\\s+");
            return columns.length >= 2 && columns[0].length() == 6 && columns[1].equals(name);
        });
    }

    private String run(String executable, String... args) {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(args));
        try {
            Process process = processBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                String hint = output.contains("error while loading shared libraries")
                        ? "（自带 FFmpeg 需要系统库 libxcb1、libxcb-shm0、libasound2；Debian/Ubuntu：apt-get install 这些软件包）"
                        : "";
                throw new IllegalStateException("无法运行 " + executable + "：" + firstLine(output) + hint);
            }
            return output;
        }
        catch (IOException e) {
            throw new IllegalStateException("无法运行 " + executable + "：" + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("检查 FFmpeg 时被中断", e);
        }
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").trim();
    }
}
