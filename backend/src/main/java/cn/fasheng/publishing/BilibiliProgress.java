package cn.fasheng.publishing;

import java.time.Instant;

/**
 * The stages a Bilibili post has reached, each recorded before the next starts, so that a retry resumes.
 * {@code submittedAt} is written just before the submit call: once it is set and no {@code resourceId} came back,
 * the archive list is searched before anything is submitted again.
 */
public record BilibiliProgress(String renditionKey, long size, String uploadToken, int parts, int partsDone,
        boolean merged, String coverUrl, Instant submittedAt, String resourceId, String shareUrl, Integer remoteState,
        String remoteStateText) {

    public static final BilibiliProgress NONE = new BilibiliProgress(null, 0, null, 0, 0, false, null, null, null, null,
            null, null);
}
