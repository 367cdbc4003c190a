package cn.fasheng.content;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An article, micro-video or micro-animation with its editorial state. The body is stored already sanitised;
 * {@code searchTerms} holds the segmented words of the published text (see {@link SearchTerms}).
 * Public lists page by (publishedAt, id), newest first.
 */
@Document("contents")
@CompoundIndex(name = "published", def = "{'state': 1, 'publishedAt': -1, '_id': -1}")
@CompoundIndex(name = "published_kind", def = "{'state': 1, 'kind': 1, 'publishedAt': -1, '_id': -1}")
@CompoundIndex(name = "published_topic", def = "{'topics': 1, 'state': 1, 'publishedAt': -1, '_id': -1}")
@CompoundIndex(name = "terms", def = "{'searchTerms': 1, 'state': 1, 'publishedAt': -1}")
@CompoundIndex(name = "console", def = "{'state': 1, 'updatedAt': -1}")
public class Content {

    @Id private String id;
    private ContentKind kind;
    @Indexed(unique = true) private String slug;
    private String title;
    private String summary;
    private String coverUrl;
    private String body;
    private List<String> topics;
    private List<String> tags;
    private String source;
    private String authorId;
    private String authorName;
    private Set<String> contributorIds;
    @Indexed(sparse = true) private String mediaAssetId;
    private String mediaName;
    private ContentState state;
    private int reviewStage;
    private String firstReviewerId;
    private String firstReviewerName;
    private String reviewComment;
    private String reviewedBy;
    private Instant publishAt;
    private Instant unpublishAt;
    private Instant publishedAt;
    private Instant archivedAt;
    private boolean featured;
    private List<String> searchTerms;
    private int revision;
    private Instant createdAt;
    private Instant updatedAt;
    @Version private Long version;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ContentKind getKind() {
        return kind;
    }

    public void setKind(ContentKind kind) {
        this.kind = kind;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getCoverUrl() {
        return coverUrl;
    }

    public void setCoverUrl(String coverUrl) {
        this.coverUrl = coverUrl;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public List<String> getTopics() {
        return topics;
    }

    public void setTopics(List<String> topics) {
        this.topics = topics;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getAuthorId() {
        return authorId;
    }

    public void setAuthorId(String authorId) {
        this.authorId = authorId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public void setAuthorName(String authorName) {
        this.authorName = authorName;
    }

    public Set<String> getContributorIds() {
        return contributorIds;
    }

    public void setContributorIds(Set<String> contributorIds) {
        this.contributorIds = contributorIds;
    }

    public String getMediaAssetId() {
        return mediaAssetId;
    }

    public void setMediaAssetId(String mediaAssetId) {
        this.mediaAssetId = mediaAssetId;
    }

    public String getMediaName() {
        return mediaName;
    }

    public void setMediaName(String mediaName) {
        this.mediaName = mediaName;
    }

    public ContentState getState() {
        return state;
    }

    public void setState(ContentState state) {
        this.state = state;
    }

    public int getReviewStage() {
        return reviewStage;
    }

    public void setReviewStage(int reviewStage) {
        this.reviewStage = reviewStage;
    }

    public String getFirstReviewerId() {
        return firstReviewerId;
    }

    public void setFirstReviewerId(String firstReviewerId) {
        this.firstReviewerId = firstReviewerId;
    }

    public String getFirstReviewerName() {
        return firstReviewerName;
    }

    public void setFirstReviewerName(String firstReviewerName) {
        this.firstReviewerName = firstReviewerName;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public void setReviewComment(String reviewComment) {
        this.reviewComment = reviewComment;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public void setReviewedBy(String reviewedBy) {
        this.reviewedBy = reviewedBy;
    }

    public Instant getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(Instant publishAt) {
        this.publishAt = publishAt;
    }

    public Instant getUnpublishAt() {
        return unpublishAt;
    }

    public void setUnpublishAt(Instant unpublishAt) {
        this.unpublishAt = unpublishAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public void setPublishedAt(Instant publishedAt) {
        this.publishedAt = publishedAt;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public void setArchivedAt(Instant archivedAt) {
        this.archivedAt = archivedAt;
    }

    public boolean isFeatured() {
        return featured;
    }

    public void setFeatured(boolean featured) {
        this.featured = featured;
    }

    public List<String> getSearchTerms() {
        return searchTerms;
    }

    public void setSearchTerms(List<String> searchTerms) {
        this.searchTerms = searchTerms;
    }

    public int getRevision() {
        return revision;
    }

    public void setRevision(int revision) {
        this.revision = revision;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
