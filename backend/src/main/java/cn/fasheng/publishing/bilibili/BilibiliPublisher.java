package cn.fasheng.publishing.bilibili;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.fasheng.media.AssetOutput.Rendition;
import cn.fasheng.media.MediaAssets;
import cn.fasheng.platform.jobs.RetryJob;
import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.platform.storage.ByteRange;
import cn.fasheng.publishing.BilibiliProgress;
import cn.fasheng.publishing.Channel;
import cn.fasheng.publishing.ChannelException;
import cn.fasheng.publishing.ChannelPublisher;
import cn.fasheng.publishing.PostCover;
import cn.fasheng.publishing.PostFields;
import cn.fasheng.publishing.PostRun;
import cn.fasheng.publishing.PublishOutcome;
import cn.fasheng.publishing.PublishingProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Uploads the best rendition in 8 MB parts read from the object store one at a time (never the whole file), merges,
 * uploads the cover, submits, then reads the archive's review state. Each stage is recorded before the next.
 */
@Component
class BilibiliPublisher implements ChannelPublisher {

    static final int PART_SIZE = 8 * 1024 * 1024;
    static final long MAX_SIZE = 4L * 1024 * 1024 * 1024;

    private final BilibiliApi api;
    private final MediaAssets media;
    private final BlobStorage storage;
    private final PublishingProperties properties;

    BilibiliPublisher(BilibiliApi api, MediaAssets media, BlobStorage storage, PublishingProperties properties) {
        this.api = api;
        this.media = media;
        this.storage = storage;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.BILIBILI;
    }

    @Override
    public Mono<PublishOutcome> publish(PostRun run) {
        return Mono.defer(() -> {
            BilibiliProgress p = run.post().bilibili();
            if (p.resourceId() != null) {
                return status(run);
            }
            return rendition(run).then(Mono.defer(() -> upload(run))).then(Mono.defer(() -> merge(run)))
                    .then(Mono.defer(() -> cover(run))).then(Mono.defer(() -> submit(run)))
                    .then(Mono.defer(() -> status(run)));
        }).onErrorResume(ChannelException.class, e -> {
            boolean badToken = e.kind() == ChannelException.Kind.PERMANENT
                    && String.valueOf(BilibiliCodes.BAD_UPLOAD_TOKEN).equals(e.code());
            if (badToken && run.post().submitted()) {
                // Spent by a submit whose answer was lost: that archive is there to be found, not to be made again.
                return Mono.error(new ChannelException(ChannelException.Kind.PERMANENT, e.code(), "提交稿件：上传凭证已被上次提交用掉，"
                        + "但在稿件列表中仍找不到该稿件，请到 B 站创作中心核实后再手动重试"));
            }
            if (badToken && run.post().bilibili().resourceId() == null) {
                // The upload token lapsed: start the upload again with a new one (nothing was submitted with it).
                return run.record(new Update().unset("bilibili.uploadToken").set("bilibili.partsDone", 0)
                                .set("bilibili.merged", false), "上传凭证失效", "将重新上传视频")
                        .then(Mono.error(new ChannelException(ChannelException.Kind.TRANSIENT, e.code(), e.getMessage())));
            }
            return Mono.error(e);
        });
    }

    private Mono<Void> rendition(PostRun run) {
        if (run.post().bilibili().renditionKey() != null) {
            return Mono.empty();
        }
        return media.playable(run.content().mediaAssetId())
                .switchIfEmpty(Mono.error(() -> new ChannelException(ChannelException.Kind.PERMANENT, "NO_VIDEO",
                        "准备视频：视频尚未处理完成或已被删除")))
                .flatMap(playable -> {
                    Rendition best = playable.renditions().stream().filter(r -> r.size() <= MAX_SIZE).findFirst()
                            .orElse(null);
                    if (best == null) {
                        return Mono.error(new ChannelException(ChannelException.Kind.PERMANENT, "TOO_LARGE",
                                "准备视频：每一档视频都超过 B 站 4 GB 的上限"));
                    }
                    int parts = (int) Math.max(1, (best.size() + PART_SIZE - 1) / PART_SIZE);
                    return run.record(new Update().set("bilibili.renditionKey", best.key()).set("bilibili.size", best.size())
                            .set("bilibili.parts", parts), "选定视频", best.label() + "，" + best.size() / 1024 / 1024 + " MB，分 " + parts + " 片上传").then();
                });
    }

    private Mono<Void> upload(PostRun run) {
        BilibiliProgress p = run.post().bilibili();
        Mono<String> token = p.uploadToken() != null ? Mono.just(p.uploadToken())
                : run.call(s -> api.init(s, "video.mp4"))
                        .flatMap(t -> run.record(new Update().set("bilibili.uploadToken", t).set("bilibili.partsDone", 0),
                                "初始化上传", "已取得上传凭证").thenReturn(t));
        return token.flatMap(t -> Flux.range(run.post().bilibili().partsDone() + 1,
                        Math.max(0, run.post().bilibili().parts() - run.post().bilibili().partsDone()))
                .concatMap(n -> part(run, t, n)).then());
    }

    private Mono<Void> part(PostRun run, String token, int n) {
        BilibiliProgress p = run.post().bilibili();
        long first = (long) (n - 1) * PART_SIZE;
        long last = Math.min(p.size(), first + PART_SIZE) - 1;
        return storage.open(p.renditionKey(), new ByteRange(first, last))
                .switchIfEmpty(Mono.error(() -> new ChannelException(ChannelException.Kind.PERMANENT, "NO_VIDEO",
                        "读取视频：存储中找不到该视频文件")))
                .flatMap(object -> object.content().reduce(ByteBuffer.allocate((int) (last - first + 1)), ByteBuffer::put))
                .flatMap(buffer -> run.call(s -> api.uploadPart(s, token, n, buffer.array(), p.parts())))
                .then(Mono.defer(() -> run.record(new Update().set("bilibili.partsDone", n)))).then();
    }

    private Mono<Void> merge(PostRun run) {
        BilibiliProgress p = run.post().bilibili();
        return p.merged() ? Mono.empty() : run.call(s -> api.complete(s, p.uploadToken()))
                .then(Mono.defer(() -> run.record(new Update().set("bilibili.merged", true), "合并分片", p.parts() + " 个分片已合并")))
                .then();
    }

    private Mono<Void> cover(PostRun run) {
        if (run.post().bilibili().coverUrl() != null) {
            return Mono.empty();
        }
        return PostCover.bytes(run.post().fields(), run.content(), media)
                .switchIfEmpty(Mono.error(() -> new ChannelException(ChannelException.Kind.PERMANENT, "NO_COVER",
                        "上传封面：找不到封面图片，请为该发布选择封面")))
                .flatMap(bytes -> run.call(s -> api.uploadCover(s, bytes, PostCover.fileName(bytes))))
                .flatMap(url -> run.record(new Update().set("bilibili.coverUrl", url), "上传封面", "封面已上传"))
                .then();
    }

    private Mono<Void> submit(PostRun run) {
        BilibiliProgress p = run.post().bilibili();
        PostFields f = run.post().fields();
        // A submit sent before whose answer was lost may have created the archive: find it before sending another.
        Mono<java.util.Optional<String>> earlier = p.submittedAt() == null ? Mono.just(java.util.Optional.empty())
                : run.call(s -> api.findSubmitted(s, f.title(), p.submittedAt()));
        return earlier.flatMap(found -> {
            if (found.isPresent()) {
                return run.record(new Update().set("bilibili.resourceId", found.get()), "查找已提交的稿件",
                        "上次提交已成功（" + found.get() + "），不再重复提交").then();
            }
            if (p.submittedAt() != null && Instant.now().isBefore(p.submittedAt().plus(properties.settleWindow()))) {
                // A new archive may take a while to be listed: keep looking before submitting again.
                return Mono.error(RetryJob.checkAgainAfter("上次提交的结果未知，稍后再查稿件列表", properties.lookAgainAfter()));
            }
            Map<String, Object> archive = new LinkedHashMap<>();
            archive.put("title", f.title());
            archive.put("cover", p.coverUrl());
            archive.put("tid", f.tid());
            archive.put("no_reprint", f.copyright() != null && f.copyright() == 1 ? 1 : 0);
            archive.put("desc", f.description() == null ? "" : f.description());
            archive.put("tag", String.join(",", f.tags()));
            archive.put("copyright", f.copyright() == null ? 1 : f.copyright());
            archive.put("source", f.copyright() != null && f.copyright() == 2 ? f.source() : "");
            return run.record(new Update().set("bilibili.submittedAt", Instant.now()))
                    .then(run.call(s -> api.submit(s, p.uploadToken(), archive)))
                    .flatMap(id -> run.record(new Update().set("bilibili.resourceId", id).set("remoteId", id), "提交稿件",
                            "已提交，稿件号 " + id))
                    .then();
        });
    }

    private Mono<PublishOutcome> status(PostRun run) {
        String id = run.post().bilibili().resourceId();
        return run.call(s -> api.view(s, id)).flatMap(status -> {
            Update update = new Update().set("bilibili.remoteState", status.state()).set("bilibili.remoteStateText",
                    status.stateText()).set("remoteId", id);
            if (status.shareUrl() != null) {
                update.set("bilibili.shareUrl", status.shareUrl()).set("remoteUrl", status.shareUrl());
            }
            PublishOutcome outcome = status.state() == 0 ? PublishOutcome.published(id, status.shareUrl())
                    : status.rejectReason() != null || properties.bilibili().rejectedStates().contains(status.state())
                            ? PublishOutcome.rejected(id, status.shareUrl(), status.rejectReason() == null
                                    ? status.stateText() : status.rejectReason())
                            : PublishOutcome.inReview(id, status.shareUrl(), status.stateText());
            return run.record(update).thenReturn(outcome);
        });
    }
}
