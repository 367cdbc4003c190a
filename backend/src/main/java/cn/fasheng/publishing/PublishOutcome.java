package cn.fasheng.publishing;

/** Where a run left a post: published, still in the channel's review, or turned down by it. */
public record PublishOutcome(PostState state, String remoteId, String remoteUrl, String note) {

    public static PublishOutcome published(String remoteId, String url) {
        return new PublishOutcome(PostState.PUBLISHED, remoteId, url, null);
    }

    public static PublishOutcome inReview(String remoteId, String url, String note) {
        return new PublishOutcome(PostState.IN_REVIEW, remoteId, url, note);
    }

    public static PublishOutcome rejected(String remoteId, String url, String reason) {
        return new PublishOutcome(PostState.REJECTED, remoteId, url, reason);
    }
}
