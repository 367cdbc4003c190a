package cn.fasheng.publishing;

import cn.fasheng.content.ContentKind;

/** What a channel post takes from its content item at the time it runs; {@code pageUrl} is the column page. */
public record ContentSnapshot(String id, ContentKind kind, String title, String summary, String body, String coverUrl,
        String mediaAssetId, String authorName, String pageUrl) {
}
