package cn.fasheng.media.transcode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.fasheng.media.AssetKeys;
import cn.fasheng.media.AssetKind;
import cn.fasheng.media.AssetOutput;
import cn.fasheng.media.AssetOutput.Rendition;
import cn.fasheng.media.AssetOutput.Thumbnails;
import cn.fasheng.media.AssetState;
import cn.fasheng.media.Assets;
import cn.fasheng.media.HlsMaster;
import cn.fasheng.media.MediaAsset;
import cn.fasheng.media.MediaAsset.SourceInfo;
import cn.fasheng.media.MediaProperties;
import cn.fasheng.media.transcode.LadderPlan.Rung;
import cn.fasheng.platform.storage.BlobStorage;

/**
 * One processing run of an asset, blocking, on a worker thread: fetch the original (hashing it on the way),
 * give way to an earlier identical upload, probe, transcode the whole ladder in one FFmpeg process, package
 * HLS, store everything under the run's own prefix, and publish it with one fenced update. A run that lost its
 * lease publishes nothing and removes what it stored.
 */
@Component
public class AssetProcessor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AssetProcessor.class);

    private final Assets assets;
    private final BlobStorage storage;
    private final MediaProbe probe;
    private final FfmpegRunner ffmpeg;
    private final MediaProperties properties;
    private final tools.jackson.databind.json.JsonMapper json;

    AssetProcessor(Assets assets, BlobStorage storage, MediaProbe probe, FfmpegRunner ffmpeg,
            MediaProperties properties, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.assets = assets;
        this.storage = storage;
        this.probe = probe;
        this.ffmpeg = ffmpeg;
        this.properties = properties;
    }

    /** Working directories left by a crashed process (no run lasts this long) are removed at start-up. */
    @jakarta.annotation.PostConstruct
    void removeStaleWorkDirectories() {
        OutputFiles.deleteOlderThan(properties.workDir().resolve("fasheng-media"), "run-",
                properties.transcodeTimeout().plusHours(1));
    }

    public void run(MediaAsset asset, long fence) {
        Path dir = OutputFiles.privateDirectory(properties.workDir().resolve("fasheng-media"), "run-");
        try {
            new Run(asset, fence, dir).execute();
        }
        finally {
            OutputFiles.deleteRecursively(dir);
        }
    }

    private final class Run {

        private final MediaAsset asset;
        private final long fence;
        private final Path dir;
        private final String runPrefix;
        private volatile long lastReport;
        private final java.util.Map<String, Long> stageNanos = new java.util.LinkedHashMap<>();
        private String stage;
        private long stageStarted = System.nanoTime();

        Run(MediaAsset asset, long fence, Path dir) {
            this.asset = asset;
            this.fence = fence;
            this.dir = dir;
            this.runPrefix = AssetKeys.run(asset.id(), fence);
        }

        void execute() {
            try {
                process();
            }
            catch (FfmpegRunner.FfmpegFailure e) {
                throw new TranscodeFailedException("转码失败（" + e.getMessage() + "）。文件可能部分损坏，请换一个文件或重新导出后上传");
            }
        }

        private void process() {
            report("读取原文件", 1, null);
            Path original = dir.resolve("source");
            String sha256 = fetch(original);
            if (asset.sha256() == null) {
                MediaAsset same = assets.sameContent(asset, sha256).block();
                if (same != null) {
                    giveWayTo(same, sha256);
                    return;
                }
                write(new Update().set("sha256", sha256));
            }
            report("检查文件", 8, null);
            SourceInfo source = probe.probe(original, asset.kind());
            write(new Update().set("source", source));
            LadderPlan plan = LadderPlan.of(source, properties.ladder(), asset.kind());
            Path out = dir.resolve("out");
            mkdirs(out);
            transcode(original, source, plan, out);
            report("生成 HLS 与封面", 88, null);
            Rung top = plan.rungs().get(0);
            double at = asset.kind() == AssetKind.ANIMATION ? 0 : Math.min(source.durationSeconds() * 0.1, 5);
            ffmpeg.ffmpeg(LadderCommand.poster(ffmpeg.inputHardening(), "file:" + original.toAbsolutePath(), top, at),
                    out, java.time.Duration.ofMinutes(2), null);
            List<Rendition> renditions = new ArrayList<>();
            for (Rung rung : plan.rungs()) {
                renditions.add(describe(out, rung));
            }
            String master = null;
            Thumbnails thumbnails = null;
            if (asset.kind() == AssetKind.VIDEO) {
                for (Rendition r : renditions) {
                    mkdirs(out.resolve("hls").resolve(r.label()));
                    ffmpeg.ffmpeg(LadderCommand.hls(ffmpeg.inputHardening(), "file:" + out.resolve(r.label() + ".mp4"),
                            "hls/" + r.label()), out, properties.transcodeTimeout(), null);
                }
                writeHlsPlaylists(out, renditions, source.durationSeconds());
                Rendition smallest = renditions.get(renditions.size() - 1);
                ffmpeg.ffmpeg(LadderCommand.thumbnails(ffmpeg.inputHardening(),
                        "file:" + out.resolve(smallest.label() + ".mp4"), source.durationSeconds()), out,
                        java.time.Duration.ofMinutes(10), null);
                master = runPrefix + "hls/master.m3u8";
                int thumbWidth = LadderPlan.even(LadderCommand.THUMBNAIL_HEIGHT * (double) source.width() / source.height());
                thumbnails = new Thumbnails(runPrefix + "thumbs.jpg", LadderCommand.THUMBNAILS, thumbWidth,
                        LadderCommand.THUMBNAIL_HEIGHT, source.durationSeconds() / LadderCommand.THUMBNAILS);
            }
            report("保存处理结果", 94, null);
            for (Path file : OutputFiles.filesUnder(out)) {
                String relative = out.relativize(file).toString().replace('\\', '/');
                storage.put(runPrefix + relative, file, OutputFiles.contentType(relative)).block();
            }
            AssetOutput output = new AssetOutput(runPrefix, renditions, master, runPrefix + "poster.jpg", thumbnails);
            Update publish = new Update().set("state", AssetState.READY).set("output", output).unset("progress")
                    .unset("failure");
            if (!assets.fenced(asset.id(), fence, publish).block()) {
                storage.deleteAll(runPrefix).block();
                return;
            }
            removeOtherRuns();
            log.info("媒体 {}（{}）处理完成，各阶段用时：{}", asset.id(), asset.name(), timings());
        }

        private void transcode(Path original, SourceInfo source, LadderPlan plan, Path out) {
            long started = System.nanoTime();
            java.util.function.DoubleConsumer onProgress = seconds -> {
                double done = Math.min(1, seconds / source.durationSeconds());
                long elapsed = System.nanoTime() - started;
                Long eta = done > 0.02 ? Math.round(elapsed / 1e9 * (1 - done) / done) : null;
                report("转码", 10 + (int) (done * 76), eta);
            };
            String input = "file:" + original.toAbsolutePath();
            List<String> args = asset.kind() == AssetKind.VIDEO
                    ? LadderCommand.video(ffmpeg.inputHardening(), input, plan)
                    : LadderCommand.animation(ffmpeg.inputHardening(), input, plan);
            ffmpeg.ffmpeg(args, out, properties.transcodeTimeout(), onProgress);
        }

        private Rendition describe(Path out, Rung rung) {
            Path file = out.resolve(LadderCommand.fileName(rung));
            var root = json.readTree(ffmpeg.probe(List.of("-print_format", "json",
                    "-show_format", "-show_streams", "-i", "file:" + file.toAbsolutePath()), out, java.time.Duration.ofMinutes(1)));
            var format = root.path("format");
            String codecs = null;
            boolean audio = false;
            for (var stream : root.path("streams")) {
                if ("video".equals(stream.path("codec_type").asString(""))) {
                    codecs = avc(stream.path("profile").asString(""), stream.path("level").asInt(31));
                }
                audio |= "audio".equals(stream.path("codec_type").asString(""));
            }
            double duration = Double.parseDouble(format.path("duration").asString("0"));
            long size = size(file);
            long bitrate = format.path("bit_rate").asLong(duration > 0 ? Math.round(size * 8 / duration) : 0);
            return new Rendition(rung.label(), rung.width(), rung.height(), runPrefix + file.getFileName(), size, bitrate,
                    duration, audio ? codecs + ",mp4a.40.2" : codecs, rung.copy());
        }

        private void writeHlsPlaylists(Path out, List<Rendition> renditions, double duration) {
            // Captions may have been added while this run was transcoding.
            MediaAsset current = assets.find(asset.id()).blockOptional().orElse(asset);
            List<MediaAsset.Caption> captions = current.captions() == null ? List.of() : current.captions();
            try {
                for (var file : HlsMaster.playlists(renditions, captions, duration).entrySet()) {
                    Files.writeString(out.resolve("hls").resolve(file.getKey()), file.getValue());
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String fetch(Path target) {
            MessageDigest digest = cn.fasheng.media.Sha256.digest();
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                var object = storage.open(asset.originalKey()).block();
                if (object == null) {
                    throw new TranscodeFailedException("原文件已不在存储中，请重新上传");
                }
                object.content().publishOn(reactor.core.scheduler.Schedulers.boundedElastic(), 32).doOnNext(buffer -> {
                    digest.update(buffer.duplicate());
                    writeFully(channel, buffer);
                }).blockLast();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        private void giveWayTo(MediaAsset same, String sha256) {
            Update duplicate = new Update().set("state", AssetState.DUPLICATE).set("duplicateOf", same.id())
                    .set("sha256", sha256).unset("progress");
            if (assets.fenced(asset.id(), fence, duplicate).block()) {
                storage.deleteAll(AssetKeys.prefix(asset.id())).block();
            }
        }

        private String timings() {
            synchronized (stageNanos) {
                stageNanos.merge(stage, System.nanoTime() - stageStarted, Long::sum);
                stage = "";
                return stageNanos.entrySet().stream()
                        .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.1f s", e.getValue() / 1e9))
                        .collect(java.util.stream.Collectors.joining("，"));
            }
        }

        private void removeOtherRuns() {
            storage.list(AssetKeys.prefix(asset.id()))
                    .filter(o -> AssetKeys.runOf(o.key()) != null && !runPrefix.equals(AssetKeys.runOf(o.key())))
                    .concatMap(o -> storage.delete(o.key()))
                    .then().block();
        }

        private void write(Update update) {
            if (!assets.fenced(asset.id(), fence, update).block()) {
                throw new LostRunException();
            }
        }

        private void report(String stage, int percent, Long eta) {
            long now = System.nanoTime();
            synchronized (stageNanos) {
                if (!stage.equals(this.stage)) {
                    if (this.stage != null) {
                        stageNanos.merge(this.stage, now - stageStarted, Long::sum);
                    }
                    this.stage = stage;
                    stageStarted = now;
                }
            }
            if (eta != null && now - lastReport < 1_000_000_000L) {
                return;
            }
            lastReport = now;
            if (!assets.progress(asset.id(), fence, stage, percent, eta).block()) {
                throw new LostRunException();
            }
        }
    }

    private static String avc(String profile, int level) {
        String prefix = switch (profile) {
            case "Main" -> "avc1.4d00";
            case "Baseline" -> "avc1.4200";
            case "Constrained Baseline" -> "avc1.42e0";
            default -> "avc1.6400";
        };
        return prefix + String.format("%02x", level);
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) {
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run no longer holds the asset (its job was taken over, or the asset was deleted). */
    public static class LostRunException extends RuntimeException {

        LostRunException() {
            super("处理已由其他实例接手或文件已被删除");
        }
    }

    /** A failure retrying will not mend. */
    public static class TranscodeFailedException extends RuntimeException {

        TranscodeFailedException(String message) {
            super(message);
        }
    }
}
