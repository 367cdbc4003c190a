package cn.fasheng.content;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** The editable fields of a content item as one save left them. Never updated. */
@Document("content_revisions")
@CompoundIndex(name = "content_number", def = "{'contentId': 1, 'number': -1}", unique = true)
public record Revision(
        @Id String id,
        String contentId,
        int number,
        String title,
        String slug,
        String summary,
        String coverUrl,
        String body,
        List<String> topics,
        List<String> tags,
        String source,
        String mediaAssetId,
        String mediaName,
        String savedById,
        String savedByName,
        Instant savedAt,
        String note) {

    static Revision of(Content content, String userId, String userName, Instant at, String note) {
        return new Revision(null, content.getId(), content.getRevision(), content.getTitle(), content.getSlug(),
                content.getSummary(), content.getCoverUrl(), content.getBody(), content.getTopics(), content.getTags(),
                content.getSource(), content.getMediaAssetId(), content.getMediaName(), userId, userName, at, note);
    }
}
