package cn.fasheng.publishing;

import cn.fasheng.media.MediaAssets;
import reactor.core.publisher.Mono;

/** The picture a post carries as its cover, whatever the channel: its own, else the content's, else the video's poster. */
public final class PostCover {

    private PostCover() {
    }

    /** Empty when there is none (each channel says in its own words why it needs one). */
    public static Mono<byte[]> bytes(PostFields fields, ContentSnapshot content, MediaAssets media) {
        String own = fields.coverUrl() != null && !fields.coverUrl().isBlank() ? fields.coverUrl() : content.coverUrl();
        Mono<String> address = own != null ? Mono.just(own)
                : content.mediaAssetId() == null ? Mono.empty()
                : media.playable(content.mediaAssetId()).map(MediaAssets.Playable::posterUrl);
        return address.flatMap(media::servedBytes);
    }

    /** A file name the channels accept for a JPEG or PNG picture. */
    public static String fileName(byte[] bytes) {
        return bytes.length > 2 && bytes[0] == (byte) 0x89 ? "image.png" : "image.jpg";
    }
}
