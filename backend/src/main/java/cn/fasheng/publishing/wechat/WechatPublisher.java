package cn.fasheng.publishing.wechat;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import cn.fasheng.content.ContentKind;
import cn.fasheng.media.AssetOutput.Rendition;
import cn.fasheng.media.MediaAssets;
import cn.fasheng.platform.jobs.RetryJob;
import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.publishing.Channel;
import cn.fasheng.publishing.ChannelException;
import cn.fasheng.publishing.ChannelPublisher;
import cn.fasheng.publishing.ContentSnapshot;
import cn.fasheng.publishing.PostCover;
import cn.fasheng.publishing.PostRun;
import cn.fasheng.publishing.PublishOutcome;
import cn.fasheng.publishing.PublishingProperties;
import cn.fasheng.publishing.WechatProgress;
import cn.fasheng.publishing.WechatProgress.UploadedImage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cover as permanent image material, the video as video material when it fits WeChat's 10 MB, the article's pictures
 * through uploadimg, a draft, then publication; each stage recorded before the next. A publication whose answer was
 * lost is looked for among the published articles (for a while, as publishing takes time) before it is sent again.
 */
@Component
class WechatPublisher implements ChannelPublisher {

    private final WechatApi api;
    private final MediaAssets media;
    private final BlobStorage storage;
    private final PublishingProperties properties;

    WechatPublisher(WechatApi api, MediaAssets media, BlobStorage storage, PublishingProperties properties) {
        this.api = api;
        this.media = media;
        this.storage = storage;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public Mono<PublishOutcome> publish(PostRun run) {
        return Mono.defer(() -> {
            WechatProgress p = run.post().wechat();
            if (p.articleUrl() != null) {
                return Mono.just(PublishOutcome.published(p.articleId(), p.articleUrl()));
            }
            if (p.publishId() != null) {
                return status(run);
            }
            return cover(run).then(Mono.defer(() -> video(run))).then(Mono.defer(() -> images(run)))
                    .then(Mono.defer(() -> draft(run))).then(Mono.defer(() -> submit(run)));
        });
    }

    private Mono<Void> cover(PostRun run) {
        if (run.post().wechat().coverMediaId() != null) {
            return Mono.empty();
        }
        return WechatLimits.coverBytes(run.post().fields(), run.content(), media)
                .flatMap(bytes -> {
                    String problem = WechatLimits.coverProblem(bytes);
                    return problem != null ? Mono.error(new ChannelException(ChannelException.Kind.PERMANENT, "COVER", "上传封面：" + problem))
                            : run.call(s -> api.addMaterial(s.accessToken(), "image", bytes, PostCover.fileName(bytes), null, null));
                })
                .flatMap(id -> run.record(new Update().set("wechat.coverMediaId", id), "上传封面素材", "封面已上传为永久素材"))
                .then();
    }

    /** Only a video within WeChat's 10 MB goes up as material; a larger one is reached through the column page link. */
    private Mono<Void> video(PostRun run) {
        ContentSnapshot content = run.content();
        if (content.kind() == ContentKind.ARTICLE || content.mediaAssetId() == null || run.post().wechat().videoMediaId() != null) {
            return Mono.empty();
        }
        return media.playable(content.mediaAssetId()).flatMap(playable -> {
            Rendition fits = WechatLimits.videoWithinLimit(playable.renditions());
            if (fits == null) {
                return Mono.empty();
            }
            return storage.get(fits.key())
                    .flatMap(bytes -> run.call(s -> api.addMaterial(s.accessToken(), "video", bytes, "video.mp4",
                            run.post().fields().title(), content.summary())))
                    .flatMap(id -> run.record(new Update().set("wechat.videoMediaId", id), "上传视频素材",
                            fits.label() + " 视频已上传到公众号素材库（10 MB 以内，编辑可在公众平台插入图文）"))
                    .then();
        });
    }

    private Mono<Void> images(PostRun run) {
        Map<String, String> done = uploaded(run.post().wechat());
        return Flux.fromIterable(WechatArticle.images(run.content().body()))
                .filter(src -> !done.containsKey(src))
                .concatMap(src -> media.servedBytes(src).flatMap(bytes -> {
                    String problem = WechatLimits.articleImageProblem(bytes);
                    if (problem != null) {
                        return Mono.error(new ChannelException(ChannelException.Kind.PERMANENT, "IMAGE", "上传正文图片：" + problem));
                    }
                    return run.call(s -> api.uploadImage(s.accessToken(), bytes, PostCover.fileName(bytes)))
                            .flatMap(url -> run.record(new Update().push("wechat.images", new UploadedImage(src, url))));
                }))
                .then();
    }

    private Mono<Void> draft(PostRun run) {
        WechatProgress p = run.post().wechat();
        if (p.draftMediaId() != null) {
            return Mono.empty();
        }
        ContentSnapshot content = run.content();
        String lead = content.kind() == ContentKind.ARTICLE ? null
                : "<p>" + HtmlUtils.htmlEscape(content.summary() == null ? "" : content.summary()) + "</p><p>完整视频请点击文末“阅读原文”，在普法栏目中观看。</p>";
        String html = WechatArticle.convert(content.body(), uploaded(p), lead);
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("article_type", "news");
        article.put("title", run.post().fields().title());
        article.put("author", run.post().fields().author() == null ? "" : run.post().fields().author());
        article.put("digest", run.post().fields().description() == null ? "" : run.post().fields().description());
        article.put("content", html);
        article.put("content_source_url", content.pageUrl());
        article.put("thumb_media_id", p.coverMediaId());
        article.put("need_open_comment", 0);
        article.put("only_fans_can_comment", 0);
        return run.call(s -> api.addDraft(s.accessToken(), article))
                .flatMap(id -> run.record(new Update().set("wechat.draftMediaId", id), "保存草稿", "草稿已保存"))
                .then();
    }

    private Mono<PublishOutcome> submit(PostRun run) {
        WechatProgress p = run.post().wechat();
        if (p.submittedAt() != null) {
            return run.call(s -> api.findPublished(s.accessToken(), run.content().pageUrl(), p.submittedAt())).flatMap(found -> {
                if (found.isPresent()) {
                    return run.record(new Update().set("wechat.articleId", found.get().articleId())
                                    .set("wechat.articleUrl", found.get().articleUrl()), "查找已发布的图文",
                                    "上次提交已发布，不再重复提交")
                            .thenReturn(PublishOutcome.published(found.get().articleId(), found.get().articleUrl()));
                }
                if (Instant.now().isBefore(p.submittedAt().plus(properties.settleWindow()))) {
                    return Mono.error(RetryJob.checkAgainAfter("上次提交发布的结果未知，稍后再查是否已发布", properties.lookAgainAfter()));
                }
                return send(run);
            });
        }
        return send(run);
    }

    private Mono<PublishOutcome> send(PostRun run) {
        String draft = run.post().wechat().draftMediaId();
        return run.record(new Update().set("wechat.submittedAt", Instant.now()))
                .then(run.call(s -> api.submit(s.accessToken(), draft)))
                .flatMap(id -> run.record(new Update().set("wechat.publishId", id).set("remoteId", id), "提交发布",
                        "已提交发布，发布任务 " + id))
                .then(Mono.defer(() -> status(run)));
    }

    private Mono<PublishOutcome> status(PostRun run) {
        String id = run.post().wechat().publishId();
        return run.call(s -> api.publication(s.accessToken(), id)).flatMap(pub -> switch (pub.status()) {
            case 0 -> run.record(new Update().set("wechat.articleId", pub.articleId()).set("wechat.articleUrl", pub.articleUrl())
                            .set("remoteUrl", pub.articleUrl()))
                    .thenReturn(PublishOutcome.published(pub.articleId(), pub.articleUrl()));
            case 1 -> Mono.just(PublishOutcome.inReview(id, null, "发布中"));
            // A general failure may pass next time: the same draft is submitted again.
            case 3 -> run.record(new Update().unset("wechat.publishId").unset("wechat.submittedAt").unset("remoteId"),
                            "发布失败", WechatCodes.publishStatus(3) + "，将重新提交")
                    .then(Mono.error(new ChannelException(ChannelException.Kind.TRANSIENT, "publish_status 3",
                            "查询发布状态：" + WechatCodes.publishStatus(3))));
            default -> Mono.just(PublishOutcome.rejected(id, null, WechatCodes.publishStatus(pub.status())));
        });
    }

    private static Map<String, String> uploaded(WechatProgress p) {
        Map<String, String> map = new HashMap<>();
        List<UploadedImage> images = p.images() == null ? List.of() : p.images();
        images.forEach(i -> map.put(i.source(), i.wechatUrl()));
        return map;
    }
}
