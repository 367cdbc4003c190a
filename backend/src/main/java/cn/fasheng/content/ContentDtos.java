package cn.fasheng.content;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What the console receives about content. */
public final class ContentDtos {

    private ContentDtos() {
    }

    public record ContentView(String id, ContentKind kind, String kindLabel, String title, String slug, String summary,
            String coverUrl, String body, List<String> topics, List<String> tags, String source, String mediaAssetId,
            String mediaName, String authorId, String authorName, ContentState state, String stateLabel,
            int reviewStage, String firstReviewerName, String reviewComment, String reviewedBy, Instant publishAt,
            Instant unpublishAt, Instant publishedAt, boolean featured, int revision, Instant createdAt,
            Instant updatedAt, long version, Set<ContentAction> actions, String publicUrl) {

        static ContentView of(Content c, Set<ContentAction> actions, String publicUrl) {
            return new ContentView(c.getId(), c.getKind(), c.getKind().label(), c.getTitle(), c.getSlug(),
                    c.getSummary(), c.getCoverUrl(), c.getBody(), c.getTopics(), c.getTags(), c.getSource(),
                    c.getMediaAssetId(), c.getMediaName(), c.getAuthorId(), c.getAuthorName(), c.getState(),
                    c.getState().label(), c.getReviewStage(), c.getFirstReviewerName(), c.getReviewComment(),
                    c.getReviewedBy(), c.getPublishAt(), c.getUnpublishAt(), c.getPublishedAt(), c.isFeatured(),
                    c.getRevision(), c.getCreatedAt(), c.getUpdatedAt(), c.getVersion() == null ? 0 : c.getVersion(),
                    actions, publicUrl);
        }
    }

    public record ContentListItem(String id, ContentKind kind, String kindLabel, String title, String slug,
            ContentState state, String stateLabel, int reviewStage, String authorName, List<String> topics,
            boolean featured, Instant updatedAt, Instant publishAt, Instant unpublishAt, Instant publishedAt) {

        static ContentListItem of(Content c) {
            return new ContentListItem(c.getId(), c.getKind(), c.getKind().label(), c.getTitle(), c.getSlug(),
                    c.getState(), c.getState().label(), c.getReviewStage(), c.getAuthorName(), c.getTopics(),
                    c.isFeatured(), c.getUpdatedAt(), c.getPublishAt(), c.getUnpublishAt(), c.getPublishedAt());
        }
    }

    public record ContentPage(List<ContentListItem> items, int page, int size, long total) {
    }

    public record RevisionSummary(int number, String title, String savedByName, Instant savedAt, String note) {

        static RevisionSummary of(Revision r) {
            return new RevisionSummary(r.number(), r.title(), r.savedByName(), r.savedAt(), r.note());
        }
    }

    public record FieldChange(String field, String label, String before, String after) {
    }

    public enum LineChange { SAME, ADDED, REMOVED }

    public record BodyLine(LineChange change, String text) {
    }

    public record RevisionDiff(int from, int to, List<FieldChange> fields, List<BodyLine> body) {
    }

    public record CalendarEntry(String id, String title, ContentKind kind, ContentState state, String event,
            Instant at) {
    }

    public record BulkOutcome(String id, boolean done, String message) {
    }

    public record ImportResult(String title, String body, int images, List<String> warnings) {
    }

    public record TopicView(String id, String slug, String name, String description, int position, long version) {

        static TopicView of(Topic t) {
            return new TopicView(t.id(), t.slug(), t.name(), t.description(), t.position(),
                    t.version() == null ? 0 : t.version());
        }
    }
}
