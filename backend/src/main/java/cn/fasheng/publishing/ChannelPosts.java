package cn.fasheng.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.content.Content;
import cn.fasheng.content.ContentService;
import cn.fasheng.content.ContentState;
import cn.fasheng.content.PublicLinks;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.platform.error.ProblemException;
import cn.fasheng.platform.jobs.JobQueue;
import cn.fasheng.platform.jobs.JobState;
import cn.fasheng.publishing.PublishingRequests.BulkSchedule;
import cn.fasheng.publishing.PublishingRequests.EditPost;
import cn.fasheng.publishing.PublishingRequests.SavePost;
import cn.fasheng.publishing.PublishingViews.BulkScheduleOutcome;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Planning posts: one per content item and channel, checked against the channel's limits when saved, run by a job
 * at its time. Editors change, move or cancel a post only while nothing is in flight on the channel.
 */
@Service
public class ChannelPosts {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChannelPosts.class);

    private final Posts posts;
    private final ContentService contents;
    private final PublicLinks links;
    private final ChannelLimits limits;
    private final JobQueue jobs;
    private final AuditLog audit;
    private final PublishingProperties properties;
    private final ChannelAccounts accounts;

    ChannelPosts(Posts posts, ContentService contents, PublicLinks links, ChannelLimits limits, JobQueue jobs,
            AuditLog audit, PublishingProperties properties, ChannelAccounts accounts) {
        this.accounts = accounts;
        this.posts = posts;
        this.contents = contents;
        this.links = links;
        this.limits = limits;
        this.jobs = jobs;
        this.audit = audit;
        this.properties = properties;
    }

    public Mono<ChannelPost> get(String id) {
        return posts.find(id).switchIfEmpty(Mono.error(() -> new NotFoundException("该渠道发布不存在或已取消")));
    }

    public Flux<ChannelPost> between(Instant from, Instant to) {
        return posts.between(from, to);
    }

    public Flux<ChannelPost> queue() {
        return posts.inStates(List.of(PostState.SCHEDULED, PostState.POSTING, PostState.HELD, PostState.IN_REVIEW), 500);
    }

    public Flux<ChannelPost> recent(Channel channel, int limit) {
        return posts.recent(channel, limit);
    }

    /** One channel on the dashboard: its account, how many posts are in each phase, the latest ten. */
    public Mono<PublishingViews.ChannelSummary> summary(Channel channel) {
        return Mono.zip(accounts.find(channel).map(a -> PublishingViews.AccountView.of(channel, a))
                        .defaultIfEmpty(PublishingViews.AccountView.of(channel, null)),
                posts.count(channel, List.of(PostState.SCHEDULED, PostState.HELD)),
                posts.count(channel, List.of(PostState.POSTING, PostState.IN_REVIEW)),
                posts.count(channel, List.of(PostState.PUBLISHED)),
                posts.count(channel, List.of(PostState.FAILED, PostState.REJECTED)),
                posts.recent(channel, 10).map(PublishingViews.PostView::of).collectList())
                .map(t -> new PublishingViews.ChannelSummary(channel, channel.label(), t.getT1(), t.getT2(), t.getT3(),
                        t.getT4(), t.getT5(), t.getT6()));
    }

    public Flux<ChannelPost> ofContent(String contentId) {
        return posts.ofContent(contentId);
    }

    /** What a new post is filled with: the content's own title, summary, tags, author. */
    public Mono<PostFields> defaults(String contentId, Channel channel) {
        return contents.get(contentId).map(c -> defaults(c, channel));
    }

    PostFields defaults(Content c, Channel channel) {
        int titleMax = channel == Channel.WECHAT ? 32 : 79;
        return new PostFields(cut(c.getTitle(), titleMax), cut(c.getSummary(), channel == Channel.WECHAT ? 128 : 249),
                c.getTags() == null ? List.of() : c.getTags().stream().limit(10).toList(),
                channel == Channel.BILIBILI ? properties.bilibili().defaultTid() : null, channel == Channel.BILIBILI ? 1 : null,
                null, channel == Channel.WECHAT ? cut(c.getAuthorName(), 16) : null, null);
    }

    public Mono<ChannelPost> create(SavePost request, ConsolePrincipal user, String ip) {
        return contents.get(request.contentId()).flatMap(content -> {
            PostFields fields = request.fields() == null ? defaults(content, request.channel()) : request.fields();
            return checked(content, request.channel(), fields, request.scheduledAt())
                    .then(Mono.defer(() -> posts.insert(new ChannelPost(null, content.getId(), content.getTitle(),
                            content.getKind().name(), request.channel(), fields, request.scheduledAt(), PostState.SCHEDULED,
                            null, null, null, null, request.channel() == Channel.BILIBILI ? BilibiliProgress.NONE : null,
                            request.channel() == Channel.WECHAT ? WechatProgress.NONE : null,
                            List.of(new PostAttempt(posts.now(), "排期", null, "由 " + user.displayName() + " 排期", true)),
                            0, user.userId(), user.displayName(), posts.now(), posts.now()))))
                    .onErrorMap(DuplicateKeyException.class, e -> new ConflictException(
                            "“" + content.getTitle() + "”已安排发布到" + request.channel().label() + "，请在日历中修改那一条"));
        }).flatMap(post -> schedule(post).then(audit.record(user.username(), PublishingAction.SCHEDULE_POST, post.id(), ip,
                post.channel().label() + "：" + post.contentTitle())).thenReturn(post));
    }

    /** New fields mean a new cover and draft; once something was submitted, the post can only be retried as it is. */
    public Mono<ChannelPost> edit(String id, EditPost request, ConsolePrincipal user, String ip) {
        return get(id).flatMap(post -> notSubmitted(post).then(contents.get(post.contentId()))
                .flatMap(content -> checked(content, post.channel(), request.fields(), request.scheduledAt()))
                .then(posts.edit(id, new Update().set("fields", request.fields()).set("scheduledAt", request.scheduledAt())
                        .set("state", PostState.SCHEDULED).unset("failure").unset("failureCode")
                        .unset("bilibili.coverUrl").unset("wechat.coverMediaId").unset("wechat.draftMediaId")))
                .switchIfEmpty(Mono.error(() -> notEditable(post))))
                .flatMap(post -> schedule(post).then(audit.record(user.username(), PublishingAction.EDIT_POST, id, ip, null))
                        .thenReturn(post));
    }

    /** Moving a post on the calendar; the content must be public on the column by then. */
    public Mono<ChannelPost> reschedule(String id, Instant at, ConsolePrincipal user, String ip) {
        return get(id).flatMap(post -> notSubmitted(post).then(contents.get(post.contentId()))
                .flatMap(content -> publicBy(content, at))
                .then(posts.edit(id, new Update().set("scheduledAt", at).set("state", PostState.SCHEDULED)
                        .unset("failure").unset("failureCode")))
                .switchIfEmpty(Mono.error(() -> notEditable(post))))
                .flatMap(post -> schedule(post).then(audit.record(user.username(), PublishingAction.EDIT_POST, id, ip,
                        "改期至 " + at)).thenReturn(post));
    }

    /**
     * A failed or waiting post again, at once, resuming from the last stage it reached; also a post whose job is gone
     * or gave up (e.g. a run that exceeded its time) while the post still reads as in progress.
     */
    public Mono<ChannelPost> retry(String id, ConsolePrincipal user, String ip) {
        PostAttempt line = new PostAttempt(posts.now(), "手动重试", null, user.displayName() + " 要求重试", true);
        return get(id).flatMap(post -> {
            if (post.state() == PostState.FAILED || post.state() == PostState.HELD) {
                return posts.edit(id, new Update().set("state", PostState.SCHEDULED).set("scheduledAt", posts.now())
                        .unset("failure").unset("failureCode").push("history", line))
                        .switchIfEmpty(Mono.error(() -> notEditable(post)));
            }
            if (post.state().finished()) {
                return Mono.<ChannelPost>error(new ConflictException("该发布已" + post.state().label() + "，无需重试"));
            }
            return jobs.find(PostJob.key(id)).filter(job -> job.state() == JobState.PENDING || job.state() == JobState.RUNNING)
                    .flatMap(running -> Mono.<ChannelPost>error(new ConflictException("该发布正在进行中，请稍候")))
                    .switchIfEmpty(Mono.defer(() -> posts.touch(id, post.state(), new Update().push("history", line))
                            .switchIfEmpty(Mono.error(() -> new ConflictException("该发布的状态刚刚变化，请刷新后再试")))));
        }).flatMap(post -> schedule(post).then(audit.record(user.username(), PublishingAction.RETRY_POST, id, ip, null))
                .thenReturn(post));
    }

    /** A post not yet sent is cancelled; a rejected one is cleared, so that the item can be posted again. */
    public Mono<Void> cancel(String id, ConsolePrincipal user, String ip) {
        return get(id).flatMap(post -> (post.state() == PostState.REJECTED ? Mono.<Void>empty() : notSubmitted(post))
                .then(posts.remove(id)).flatMap(removed -> removed
                ? jobs.cancel(PostJob.key(id)).then(audit.record(user.username(), PublishingAction.CANCEL_POST, id, ip,
                        post.channel().label() + "：" + post.contentTitle()))
                : Mono.error(notEditable(post))));
    }

    public Flux<BulkScheduleOutcome> bulk(BulkSchedule request, ConsolePrincipal user, String ip) {
        if (request.intervalMinutes() < 0 || request.intervalMinutes() > 7 * 24 * 60) {
            return Flux.error(new InvalidRequestException("intervalMinutes", "间隔须在 0 到 10080 分钟之间"));
        }
        List<SavePost> plans = new ArrayList<>();
        for (int i = 0; i < request.contentIds().size(); i++) {
            Instant at = request.start().plus(Duration.ofMinutes((long) request.intervalMinutes() * i));
            for (Channel channel : request.channels().stream().distinct().toList()) {
                plans.add(new SavePost(request.contentIds().get(i), channel, at, null));
            }
        }
        return Flux.fromIterable(plans).concatMap(plan -> create(plan, user, ip)
                .map(post -> new BulkScheduleOutcome(plan.contentId(), plan.channel(), true, post.id(), null))
                .onErrorResume(ProblemException.class, e -> Mono.just(new BulkScheduleOutcome(plan.contentId(), plan.channel(), false,
                        null, e.getMessage()))));
    }

    /** A channel is back: posts that waited for it go out now (or at their time, if that is later). */
    @EventListener
    void onChannelAvailable(ChannelAvailable event) {
        posts.held(event.channel()).concatMap(post -> posts.edit(post.id(), new Update().set("state", PostState.SCHEDULED)
                        .unset("failure").unset("failureCode")).flatMap(this::schedule))
                // Posts not released now are looked at again by their own held retry.
                .subscribe(null, e -> log.warn("渠道恢复后未能立即放行等待中的发布：{}", e.toString()));
    }

    /** The channel says an archive's review ended: look at it now rather than at the next poll. */
    public Mono<Void> checkRemoteNow(String resourceId) {
        return posts.inReviewWithRemoteId(resourceId).concatMap(post -> jobs.expedite(PostJob.key(post.id()))).then();
    }

    /**
     * The snapshot of the content a run publishes, or why it can no longer be published. Once the post is on the
     * channel ({@code submitted}), its review is followed whatever became of the content since.
     */
    Mono<ContentSnapshot> snapshot(String contentId, boolean submitted) {
        return contents.get(contentId).flatMap(c -> submitted ? Mono.just(snapshot(c))
                : publicBy(c, posts.now()).thenReturn(snapshot(c))
                        .onErrorMap(InvalidRequestException.class, e -> new ChannelException(ChannelException.Kind.PERMANENT,
                                "CONTENT", "栏目页面此刻不公开，渠道中的“阅读原文”会打不开：" + e.getMessage()))).onErrorMap(NotFoundException.class, e -> new ChannelException(ChannelException.Kind.PERMANENT, "CONTENT",
                "内容已被删除"));
    }

    private ContentSnapshot snapshot(Content c) {
        return new ContentSnapshot(c.getId(), c.getKind(), c.getTitle(), c.getSummary(), c.getBody(), c.getCoverUrl(),
                c.getMediaAssetId(), c.getAuthorName(), links.absolute(links.path(c)));
    }

    private Mono<Void> checked(Content content, Channel channel, PostFields fields, Instant at) {
        return publicBy(content, at).then(limits.check(channel, fields, snapshot(content)));
    }

    /** The channel post links back to the column page, so that page must be public by the time it goes out. */
    private Mono<Void> publicBy(Content content, Instant at) {
        if (content.getKind() == null || content.getState() == null) {
            return Mono.error(new InvalidRequestException("contentId", "内容不完整"));
        }
        boolean ok = content.getState() == ContentState.PUBLISHED
                || (content.getState() == ContentState.SCHEDULED && content.getPublishAt() != null
                        && !content.getPublishAt().isAfter(at));
        if (ok) {
            return Mono.empty();
        }
        String why = switch (content.getState()) {
            case SCHEDULED -> "“" + content.getTitle() + "”排期在栏目发布之前：渠道发布时间不能早于栏目发布时间（渠道中的链接指向栏目页面）";
            case APPROVED -> "“" + content.getTitle() + "”已通过审核但尚未在栏目排期或发布：请先排期栏目发布";
            default -> "“" + content.getTitle() + "”当前为“" + content.getState().label() + "”：只有审核通过并在栏目发布（或已排期）的内容才能发布到渠道";
        };
        return Mono.error(new InvalidRequestException("scheduledAt", why));
    }

    Mono<Void> schedule(ChannelPost post) {
        Instant at = post.scheduledAt().isBefore(posts.now()) ? posts.now() : post.scheduledAt();
        return jobs.schedule(PostJob.key(post.id()), PostJob.TYPE, new PostJob.Payload(post.id()), at);
    }

    /** Refuses a change once the post is in flight, done, or was sent to the channel (even if its answer was lost). */
    private static Mono<Void> notSubmitted(ChannelPost post) {
        if (!post.state().editable()) {
            return Mono.error(notEditable(post));
        }
        return post.submitted() ? Mono.error(new ConflictException("该发布已提交到" + post.channel().label()
                + "（结果待确认），不能再修改、改期或取消，只能重试；如需撤下请到渠道后台处理")) : Mono.empty();
    }

    private static ProblemException notEditable(ChannelPost post) {
        return new ConflictException("该发布当前为“" + post.state().label() + "”，不能修改、改期或取消");
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }
}
