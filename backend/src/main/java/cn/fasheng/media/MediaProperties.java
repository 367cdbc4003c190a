package cn.fasheng.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and settings of the media pipeline: what editors may upload, how originals are probed, and how
 * FFmpeg runs. Every value has a default fit for one machine.
 *
 * @param ladder heights of the rendition ladder, highest first; a source never gets a rung above its own
 * @param ffmpegConcurrency FFmpeg processes one instance runs at once (default one per two cores)
 */
@ConfigurationProperties("fasheng.media")
public record MediaProperties(DataSize maxImageSize, long maxImagePixels, DataSize maxFileSize, DataSize userQuota,
        DataSize uploadPartSize, Duration abandonedUploadAfter, Duration maxDuration, int maxWidth, int maxHeight,
        double maxFrameRate, DataSize probeSize, Duration analyzeDuration, Duration transcodeTimeout,
        int ffmpegConcurrency, List<Integer> ladder, Path workDir, int niceness) {

    public MediaProperties {
        maxImageSize = maxImageSize == null ? DataSize.ofMegabytes(20) : maxImageSize;
        maxImagePixels = maxImagePixels <= 0 ? 100_000_000L : maxImagePixels;
        maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(4) : maxFileSize;
        userQuota = userQuota == null ? DataSize.ofGigabytes(50) : userQuota;
        uploadPartSize = uploadPartSize == null ? DataSize.ofMegabytes(8) : uploadPartSize;
        abandonedUploadAfter = abandonedUploadAfter == null ? Duration.ofHours(24) : abandonedUploadAfter;
        maxDuration = maxDuration == null ? Duration.ofHours(2) : maxDuration;
        maxWidth = maxWidth <= 0 ? 4096 : maxWidth;
        maxHeight = maxHeight <= 0 ? 4096 : maxHeight;
        maxFrameRate = maxFrameRate <= 0 ? 120 : maxFrameRate;
        probeSize = probeSize == null ? DataSize.ofMegabytes(50) : probeSize;
        analyzeDuration = analyzeDuration == null ? Duration.ofSeconds(20) : analyzeDuration;
        transcodeTimeout = transcodeTimeout == null ? Duration.ofHours(3) : transcodeTimeout;
        ffmpegConcurrency = ffmpegConcurrency <= 0
                ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : ffmpegConcurrency;
        ladder = ladder == null || ladder.isEmpty() ? List.of(1080, 720, 480, 360)
                : ladder.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        workDir = workDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : workDir;
        niceness = niceness <= 0 ? 10 : niceness;
    }

    public long maxVideoPixels() {
        return (long) maxWidth * maxHeight;
    }
}
