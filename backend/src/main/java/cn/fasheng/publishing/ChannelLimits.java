package cn.fasheng.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fasheng.content.ContentKind;
import cn.fasheng.media.AssetOutput.Rendition;
import cn.fasheng.media.MediaAssets;
import cn.fasheng.publishing.wechat.WechatLimits;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every documented limit of a channel, checked before a post is scheduled, so that an editor learns then, and
 * exactly, what to change. Bilibili: title under 80, description under 250, tags together under 200 characters,
 * a category, a source for reposts, a video under 4 GB and 5 hours. WeChat: title 32, digest 128, author 16, a JPG or
 * PNG cover within 10 MB, article pictures within 1 MB, an article under 20,000 characters as WeChat receives it.
 */
@Component
class ChannelLimits {

    private final MediaAssets media;

    ChannelLimits(MediaAssets media) {
        this.media = media;
    }

    Mono<Void> check(Channel channel, PostFields fields, ContentSnapshot content) {
        List<Map<String, String>> errors = new ArrayList<>();
        Mono<Void> more = channel == Channel.BILIBILI ? bilibili(fields, content, errors) : wechat(fields, content, errors);
        return more.then(Mono.defer(() -> errors.isEmpty() ? Mono.<Void>empty()
                : Mono.error(new ChannelLimitsException(channel, errors))));
    }

    private Mono<Void> bilibili(PostFields f, ContentSnapshot content, List<Map<String, String>> errors) {
        text(errors, "title", "标题", f.title(), 79, true);
        text(errors, "description", "简介", f.description(), 249, false);
        int tagChars = f.tags().stream().mapToInt(t -> t.codePointCount(0, t.length())).sum();
        if (f.tags().isEmpty()) {
            errors.add(error("tags", "B 站投稿至少需要一个标签"));
        }
        else if (tagChars >= 200) {
            errors.add(error("tags", "标签合计 " + tagChars + " 个字，B 站要求少于 200 个"));
        }
        if (f.tid() == null || f.tid() <= 0) {
            errors.add(error("tid", "请选择 B 站分区"));
        }
        if (f.copyright() == null || (f.copyright() != 1 && f.copyright() != 2)) {
            errors.add(error("copyright", "请选择自制或转载"));
        }
        else if (f.copyright() == 2 && (f.source() == null || f.source().isBlank())) {
            errors.add(error("source", "转载稿件须填写转载来源"));
        }
        if (content.kind() == ContentKind.ARTICLE || content.mediaAssetId() == null) {
            errors.add(error("contentId", "B 站只接受视频：文章请发布到微信公众号"));
            return Mono.empty();
        }
        return media.playable(content.mediaAssetId())
                .doOnNext(playable -> {
                    Rendition best = playable.renditions().stream().filter(r -> r.size() <= 4L * 1024 * 1024 * 1024)
                            .findFirst().orElse(null);
                    if (best == null) {
                        errors.add(error("contentId", "视频每一档都超过 B 站 4 GB 的上限"));
                    }
                    else if (best.durationSeconds() >= 5 * 3600) {
                        errors.add(error("contentId", "视频时长超过 B 站 5 小时的上限"));
                    }
                })
                .switchIfEmpty(Mono.fromRunnable(() -> errors.add(error("contentId", "视频尚未处理完成，处理完成后才能排期到 B 站"))))
                .then();
    }

    private Mono<Void> wechat(PostFields f, ContentSnapshot content, List<Map<String, String>> errors) {
        text(errors, "title", "标题", f.title(), WechatLimits.TITLE, true);
        text(errors, "description", "摘要", f.description(), WechatLimits.DIGEST, false);
        text(errors, "author", "作者", f.author(), WechatLimits.AUTHOR, false);
        String length = WechatLimits.articleLengthProblem(content.body());
        if (length != null) {
            errors.add(error("body", length));
        }
        Mono<Void> cover = WechatLimits.coverBytes(f, content, media)
                .doOnNext(bytes -> {
                    String problem = WechatLimits.coverProblem(bytes);
                    if (problem != null) {
                        errors.add(error("coverUrl", problem));
                    }
                })
                .onErrorResume(ChannelException.class, e -> Mono.fromRunnable(() ->
                        errors.add(error("coverUrl", "微信图文必须有封面，请为内容或该发布选择封面图片"))))
                .then();
        Mono<Void> images = Flux.fromIterable(WechatLimits.imagesOf(content.body()))
                .concatMap(src -> media.servedBytes(src).doOnNext(bytes -> {
                    String problem = WechatLimits.articleImageProblem(bytes);
                    if (problem != null) {
                        errors.add(error("body", problem + "（" + src.substring(src.lastIndexOf('/') + 1) + "）"));
                    }
                }))
                .then();
        return cover.then(images);
    }

    private static void text(List<Map<String, String>> errors, String field, String label, String value, int max,
            boolean required) {
        int length = value == null ? 0 : value.codePointCount(0, value.length());
        if (required && (value == null || value.isBlank())) {
            errors.add(error(field, "请填写" + label));
        }
        else if (length > max) {
            errors.add(error(field, label + "有 " + length + " 个字，最多 " + max + " 个"));
        }
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
