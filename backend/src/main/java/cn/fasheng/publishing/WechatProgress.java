package cn.fasheng.publishing;

import java.time.Instant;
import java.util.List;

/**
 * The stages a WeChat post has reached. {@code images} pairs each picture of the article with its address on
 * WeChat ({@code uploadimg}), so a retry uploads only what is missing; {@code submittedAt} marks a publication
 * request whose answer may have been lost.
 */
public record WechatProgress(String coverMediaId, String videoMediaId, List<UploadedImage> images,
        String draftMediaId, Instant submittedAt, String publishId, String articleId, String articleUrl) {

    public static final WechatProgress NONE = new WechatProgress(null, null, List.of(), null, null, null, null, null);

    public record UploadedImage(String source, String wechatUrl) {
    }
}
