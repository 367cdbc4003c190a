package cn.fasheng.publishing.wechat;

import java.util.List;

import cn.fasheng.media.AssetOutput.Rendition;
import cn.fasheng.media.MediaAssets;
import cn.fasheng.publishing.ChannelException;
import cn.fasheng.publishing.ContentSnapshot;
import cn.fasheng.publishing.PostCover;
import cn.fasheng.publishing.PostFields;
import reactor.core.publisher.Mono;

/** WeChat's documented limits, checked before anything is sent, each failure naming the limit it breaks. */
public final class WechatLimits {

    public static final int TITLE = 32;
    public static final int DIGEST = 128;
    public static final int AUTHOR = 16;
    public static final long IMAGE_MATERIAL = 10L * 1024 * 1024;
    public static final long VIDEO_MATERIAL = 10L * 1024 * 1024;
    public static final long ARTICLE_IMAGE = 1024 * 1024;

    private WechatLimits() {
    }

    /** The cover: the post's own, else the content's, else the video's poster. */
    public static Mono<byte[]> coverBytes(PostFields fields, ContentSnapshot content, MediaAssets media) {
        return PostCover.bytes(fields, content, media)
                .switchIfEmpty(Mono.error(() -> new ChannelException(ChannelException.Kind.PERMANENT, "NO_COVER",
                        "上传封面：微信图文必须有封面，请为内容或该发布选择封面图片")));
    }

    public static String coverProblem(byte[] bytes) {
        if (!jpegOrPng(bytes)) {
            return "封面须为 JPG 或 PNG 图片";
        }
        return bytes.length > IMAGE_MATERIAL ? "封面图片 " + mb(bytes.length) + "，超过微信图片素材 10 MB 的上限" : null;
    }

    public static String articleImageProblem(byte[] bytes) {
        if (!jpegOrPng(bytes)) {
            return "正文图片须为 JPG 或 PNG（微信 uploadimg 的要求）";
        }
        return bytes.length > ARTICLE_IMAGE ? "正文中有一张图片 " + mb(bytes.length) + "，超过微信正文图片 1 MB 的上限" : null;
    }

    /** The best MP4 rendition within WeChat's 10 MB video material limit, or null (then the article links to the column). */
    public static Rendition videoWithinLimit(List<Rendition> renditions) {
        return renditions.stream().filter(r -> r.size() <= VIDEO_MATERIAL).findFirst().orElse(null);
    }

    /** The article as WeChat will receive it must stay under its 20,000 characters (picture addresses as they are now). */
    public static String articleLengthProblem(String html) {
        java.util.Map<String, String> same = new java.util.HashMap<>();
        WechatArticle.images(html).forEach(src -> same.put(src, "http://mmbiz.qpic.cn/" + src));
        int length = WechatArticle.convert(html, same, null).length();
        return length >= WechatArticle.MAX_CHARS ? "正文转换后有 " + length + " 个字符，微信要求少于 " + WechatArticle.MAX_CHARS
                + " 个，请精简正文或只发布摘要" : null;
    }

    /** The pictures of an article's HTML, each once. */
    public static java.util.Set<String> imagesOf(String html) {
        return WechatArticle.images(html);
    }


    private static boolean jpegOrPng(byte[] b) {
        return b.length > 4 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xD8)
                || (b[0] == (byte) 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'));
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
