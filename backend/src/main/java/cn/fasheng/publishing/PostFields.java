package cn.fasheng.publishing;

import java.util.List;

/**
 * What an editor tailors per channel. Bilibili uses title, description, tags, category ({@code tid}), copyright
 * (1 original, 2 repost with {@code source}) and cover; WeChat uses title, digest ({@code description}), author and
 * cover. A blank cover means the content's cover, else the video's poster.
 */
public record PostFields(String title, String description, List<String> tags, Integer tid, Integer copyright,
        String source, String author, String coverUrl) {

    public PostFields {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
