package cn.fasheng.media.transcode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

import org.springframework.stereotype.Component;

import cn.fasheng.media.MediaProperties;
import cn.fasheng.platform.ffmpeg.FfmpegBinaries;
import jakarta.annotation.PreDestroy;

/**
 * Runs ffmpeg and ffprobe as argument lists (never through a shell), at lowered priority, a bounded number at
 * a time, each with a wall-clock limit, in the caller's private directory. Inputs are opened with the
 * {@link #INPUT_HARDENING} options only: local files, allowed demuxers.
 */
@Component
public class FfmpegRunner {

    /** Demuxers an original may be read with; never hls, concat, subfile or any other playlist. */
    public static final String DEMUXERS = "mov,mp4,m4a,3gp,matroska,webm,avi,flv,mpegts,gif,apng,image2,png_pipe,jpeg_pipe,webp_pipe";

    private final FfmpegBinaries binaries;
    private final MediaProperties properties;
    private final Semaphore slots;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private final boolean nice = Files.isExecutable(Path.of("/usr/bin/nice"));

    FfmpegRunner(FfmpegBinaries binaries, MediaProperties properties) {
        this.binaries = binaries;
        this.properties = properties;
        this.slots = new Semaphore(properties.ffmpegConcurrency(), true);
    }

    /** Options placed before every {@code -i}. */
    public List<String> inputHardening() {
        return List.of("-protocol_whitelist", "file", "-format_whitelist", DEMUXERS,
                "-probesize", Long.toString(properties.probeSize().toBytes()),
                "-analyzeduration", Long.toString(properties.analyzeDuration().toNanos() / 1000));
    }

    /** Runs ffprobe and answers its standard output. */
    public String probe(List<String> args, Path dir, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(binaries.ffprobe(), "-hide_banner", "-v", "error"));
        command.addAll(inputHardening());
        command.addAll(args);
        return run(command, dir, timeout, null);
    }

    /**
     * Runs ffmpeg; {@code progress} receives the seconds of output written so far. Fails with the end of
     * ffmpeg's error output when it does not succeed.
     */
    public void ffmpeg(List<String> args, Path dir, Duration timeout, DoubleConsumer progress) {
        List<String> command = new ArrayList<>(List.of(binaries.ffmpeg(), "-hide_banner", "-nostdin", "-y",
                "-loglevel", "error", "-nostats", "-progress", "pipe:1"));
        command.addAll(args);
        run(command, dir, timeout, progress);
    }

    private String run(List<String> command, Path dir, Duration timeout, DoubleConsumer progress) {
        List<String> full = new ArrayList<>();
        if (nice) {
            full.addAll(List.of("/usr/bin/nice", "-n", Integer.toString(properties.niceness())));
        }
        full.addAll(command);
        try {
            slots.acquire();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("等待转码名额时被中断", e);
        }
        Process process = null;
        try {
            ProcessBuilder builder = binaries.processBuilder(full).directory(dir.toFile());
            builder.environment().put("TMPDIR", dir.toString());
            process = builder.start();
            running.add(process);
            StringBuilder out = new StringBuilder();
            java.util.concurrent.atomic.AtomicReference<RuntimeException> stopped = new java.util.concurrent.atomic.AtomicReference<>();
            Process running = process;
            Thread reader = drain(process.getInputStream(), line -> {
                if (progress != null && line.startsWith("out_time_us=") && stopped.get() == null) {
                    try {
                        parseMicros(line.substring(12), progress);
                    }
                    catch (RuntimeException e) {
                        // The listener wants the work stopped (e.g. the run lost its asset): so does FFmpeg.
                        stopped.set(e);
                        running.destroyForcibly();
                    }
                }
                else if (progress == null) {
                    out.append(line).append('\n');
                }
            });
            StringBuilder err = new StringBuilder();
            Thread errors = drain(process.getErrorStream(), line -> {
                err.append(line).append('\n');
                if (err.length() > 8000) {
                    err.delete(0, err.length() - 4000);
                }
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new FfmpegFailure("FFmpeg 超过 " + timeout.toMinutes() + " 分钟仍未完成，已终止", "");
            }
            reader.join(5000);
            errors.join(5000);
            if (stopped.get() != null) {
                throw stopped.get();
            }
            if (process.exitValue() != 0) {
                throw new FfmpegFailure(process.exitValue(), err.toString().strip());
            }
            return out.toString();
        }
        catch (IOException e) {
            throw new IllegalStateException("无法启动 FFmpeg：" + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("转码被中断", e);
        }
        finally {
            if (process != null) {
                process.destroyForcibly();
                awaitExit(process);
                running.remove(process);
            }
            slots.release();
        }
    }

    /** The caller deletes the working directory next: the killed process must be gone by then. */
    private static void awaitExit(Process process) {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void parseMicros(String value, DoubleConsumer progress) {
        try {
            progress.accept(Long.parseLong(value.trim()) / 1_000_000.0);
        }
        catch (NumberFormatException e) {
            // "N/A" before the first frame is written
        }
    }

    private static Thread drain(InputStream stream, java.util.function.Consumer<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.accept(line);
                }
            }
            catch (IOException e) {
                // the process ended or was killed
            }
        }, "ffmpeg-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** No FFmpeg outlives the application (e.g. an instance being stopped mid-transcode). */
    @PreDestroy
    void killAll() {
        running.forEach(Process::destroyForcibly);
    }

    /** FFmpeg ended with an error or ran out of time; the message ends with its last error line. */
    public static class FfmpegFailure extends RuntimeException {

        FfmpegFailure(int exit, String detail) {
            this("FFmpeg 退出码 " + exit, detail);
        }

        FfmpegFailure(String what, String detail) {
            super(what + (detail.isEmpty() ? "" : "：" + lastLine(detail)));
        }

        private static String lastLine(String text) {
            String[] lines = text.split("\n");
            return lines[lines.length - 1];
        }
    }
}
