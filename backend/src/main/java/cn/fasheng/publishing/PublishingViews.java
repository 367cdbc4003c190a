package cn.fasheng.publishing;

import java.time.Instant;
import java.util.List;

/** What the console is shown about channel accounts and posts. No secret or token ever appears here. */
public final class PublishingViews {

    private PublishingViews() {
    }

    public record AccountView(Channel channel, String channelLabel, boolean configured, String name, String appId,
            AccountState state, String stateLabel, String stateReason, boolean paused, Instant tokenExpiresAt,
            String connectedBy, Instant connectedAt) {

        static AccountView of(Channel channel, ChannelAccount a) {
            if (a == null) {
                return new AccountView(channel, channel.label(), false, null, null, null, "未连接", null, false, null, null, null);
            }
            return new AccountView(channel, channel.label(), true, a.name(), a.appId(), a.state(), a.state().label(),
                    a.stateReason(), a.paused(), a.tokenExpiresAt(), a.connectedBy(), a.connectedAt());
        }
    }

    public record Consent(String url) {
    }

    public record PostView(String id, String contentId, String contentTitle, String contentKind, Channel channel,
            String channelLabel, PostFields fields, Instant scheduledAt, PostState state, String stateLabel,
            boolean editable, boolean removable, String failureCode, String failure, String remoteId, String remoteUrl,
            String stage, List<PostAttempt> history, String createdByName, Instant updatedAt) {

        /** {@code editable}: fields and time may change; {@code removable}: it may be cancelled (or a rejection cleared). */
        static PostView of(ChannelPost p) {
            boolean editable = p.state().editable() && !p.submitted();
            boolean removable = p.state() == PostState.REJECTED || editable;
            return new PostView(p.id(), p.contentId(), p.contentTitle(), p.contentKind(), p.channel(), p.channel().label(),
                    p.fields(), p.scheduledAt(), p.state(), p.state().label(), editable, removable, p.failureCode(),
                    p.failure(), p.remoteId(), p.remoteUrl(), stage(p), p.history() == null ? List.of() : p.history(),
                    p.createdByName(), p.updatedAt());
        }

        /** The furthest stage reached, in words. */
        static String stage(ChannelPost p) {
            if (p.channel() == Channel.BILIBILI && p.bilibili() != null) {
                BilibiliProgress b = p.bilibili();
                if (b.resourceId() != null) {
                    return b.remoteStateText() == null || b.remoteStateText().isBlank() ? "已提交" : b.remoteStateText();
                }
                if (b.coverUrl() != null) {
                    return "封面已上传";
                }
                if (b.merged()) {
                    return "视频已合并";
                }
                if (b.uploadToken() != null) {
                    return "上传中 " + b.partsDone() + "/" + b.parts();
                }
            }
            if (p.channel() == Channel.WECHAT && p.wechat() != null) {
                WechatProgress w = p.wechat();
                if (w.articleUrl() != null) {
                    return "已发布";
                }
                if (w.publishId() != null) {
                    return "发布中";
                }
                if (w.draftMediaId() != null) {
                    return "草稿已保存";
                }
                if (w.coverMediaId() != null) {
                    return "素材已上传";
                }
            }
            return "未开始";
        }
    }

    /** One outcome of a bulk scheduling: scheduled, or why not. */
    public record BulkScheduleOutcome(String contentId, Channel channel, boolean scheduled, String postId, String error) {
    }

    public record ChannelSummary(Channel channel, String channelLabel, AccountView account, long scheduled, long inFlight,
            long published, long failed, List<PostView> recent) {
    }
}
