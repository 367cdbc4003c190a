package cn.fasheng.publishing;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One content item planned for one channel (at most one per pair). {@code runFence} grows with every run that
 * takes the post, and every stage is written conditioned on it, so a run whose lease was taken over writes nothing.
 */
@Document("channel_posts")
@CompoundIndex(name = "content_channel", def = "{'contentId': 1, 'channel': 1}", unique = true)
@CompoundIndex(name = "calendar", def = "{'scheduledAt': 1}")
@CompoundIndex(name = "channel_recent", def = "{'channel': 1, 'updatedAt': -1}")
public record ChannelPost(
        @Id String id,
        String contentId,
        String contentTitle,
        String contentKind,
        Channel channel,
        PostFields fields,
        Instant scheduledAt,
        @Indexed PostState state,
        String failureCode,
        String failure,
        String remoteId,
        String remoteUrl,
        BilibiliProgress bilibili,
        WechatProgress wechat,
        List<PostAttempt> history,
        long runFence,
        String createdBy,
        String createdByName,
        Instant createdAt,
        Instant updatedAt) {

    /** A submission was sent (its answer may have been lost): the post may exist on the channel. */
    public boolean submitted() {
        return (bilibili != null && bilibili.submittedAt() != null) || (wechat != null && wechat.submittedAt() != null);
    }
}
