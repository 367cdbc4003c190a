package cn.fasheng.publishing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.fasheng.platform.jobs.JobHandler;
import cn.fasheng.platform.jobs.JobLease;
import cn.fasheng.platform.jobs.JobProperties;
import cn.fasheng.platform.jobs.PermanentJobFailure;
import cn.fasheng.platform.jobs.RetryJob;
import reactor.core.publisher.Mono;

/**
 * Runs one post: takes it (fenced), then lets its channel's publisher go on from the last recorded stage. The
 * outcome decides what comes next: done, ask the channel's review again later, wait for the channel, retry with
 * backoff (at the channel's Retry-After when it names one), or stop with the channel's code and a Chinese reason.
 */
@Component
class PostJob implements JobHandler<PostJob.Payload> {

    static final String TYPE = "publishing.post";
    private static final Logger log = LoggerFactory.getLogger(PostJob.class);

    record Payload(String postId) {
    }

    static String key(String postId) {
        return "channel-post:" + postId;
    }

    private final Posts posts;
    private final ChannelPosts planning;
    private final ChannelTokens tokens;
    private final ChannelAccounts accounts;
    private final Map<Channel, ChannelPublisher> publishers;
    private final PublishingProperties properties;
    private final JobProperties jobs;

    PostJob(Posts posts, ChannelPosts planning, ChannelTokens tokens, ChannelAccounts accounts,
            List<ChannelPublisher> publishers, PublishingProperties properties, JobProperties jobs) {
        this.posts = posts;
        this.planning = planning;
        this.tokens = tokens;
        this.accounts = accounts;
        this.publishers = publishers.stream().collect(Collectors.toMap(ChannelPublisher::channel, Function.identity()));
        this.properties = properties;
        this.jobs = jobs;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<Payload> payloadType() {
        return Payload.class;
    }

    private static final Duration RUN_LIMIT = Duration.ofHours(6);

    /** A backstop only: a run gives up by itself after {@link #RUN_LIMIT} (a 4 GB upload takes a while) and says why. */
    @Override
    public Duration timeout() {
        return RUN_LIMIT.plusMinutes(10);
    }

    @Override
    public int concurrency() {
        return properties.concurrency();
    }

    @Override
    public Mono<Void> handle(Payload payload, JobLease lease) {
        return posts.claim(payload.postId()).flatMap(post -> run(post, lease)
                .timeout(RUN_LIMIT, Mono.error(() -> new ChannelException(ChannelException.Kind.TRANSIENT, "TIMEOUT",
                        "发布用时超过 " + RUN_LIMIT.toHours() + " 小时，已停止，将从已完成的步骤继续")))
                .onErrorResume(e -> failed(post, lease, e)));
    }

    private Mono<Void> run(ChannelPost claimed, JobLease lease) {
        long fence = claimed.runFence();
        return planning.snapshot(claimed.contentId(), claimed.state() == PostState.IN_REVIEW)
                .zipWith(tokens.session(claimed.channel()))
                .flatMap(ready -> {
                    Update start = new Update().unset("failure").unset("failureCode");
                    if (claimed.state() != PostState.IN_REVIEW) {
                        start.set("state", PostState.POSTING);
                    }
                    if (claimed.state() == PostState.SCHEDULED || claimed.state() == PostState.HELD) {
                        start.push("history", new PostAttempt(posts.now(), "开始发布", null, "第 " + lease.attempt() + " 次尝试", true));
                    }
                    return posts.fenced(claimed.id(), fence, start)
                            .map(post -> new PostRun(posts, tokens, post, ready.getT1(), ready.getT2()));
                })
                .flatMap(run -> publishers.get(claimed.channel()).publish(run).flatMap(outcome -> finish(run, outcome)));
    }

    private Mono<Void> finish(PostRun run, PublishOutcome outcome) {
        ChannelPost post = run.post();
        Update update = new Update().set("state", outcome.state());
        if (outcome.remoteId() != null) {
            update.set("remoteId", outcome.remoteId());
        }
        if (outcome.remoteUrl() != null) {
            update.set("remoteUrl", outcome.remoteUrl());
        }
        if (outcome.state() == PostState.REJECTED) {
            update.set("failure", outcome.note());
        }
        boolean changed = post.state() != outcome.state();
        if (changed) {
            String line = switch (outcome.state()) {
                case PUBLISHED -> "已发布" + (outcome.remoteUrl() == null ? "" : "：" + outcome.remoteUrl());
                case REJECTED -> "平台未通过：" + outcome.note();
                default -> "等待平台审核" + (outcome.note() == null || outcome.note().isBlank() ? "" : "（" + outcome.note() + "）");
            };
            update.push("history", new PostAttempt(posts.now(), outcome.state().label(), null, line,
                    outcome.state() != PostState.REJECTED));
        }
        Mono<ChannelPost> saved = run.record(update);
        if (outcome.state() != PostState.IN_REVIEW) {
            return saved.then();
        }
        Duration since = Duration.between(post.scheduledAt(), posts.now());
        Duration wait = clamp(since.dividedBy(6), properties.reviewPollInterval(), Duration.ofHours(1));
        return saved.then(Mono.error(RetryJob.checkAgainAfter("等待平台审核结果", wait)));
    }

    private Mono<Void> failed(ChannelPost post, JobLease lease, Throwable e) {
        long fence = post.runFence();
        if (e instanceof Posts.LostRunException) {
            return Mono.empty();
        }
        if (e instanceof RetryJob) {
            return Mono.error(e);
        }
        if (e instanceof PostRun.ReauthorisationNeeded reauth) {
            return accounts.needsReauthorisation(post.channel(), reauth.cause.getMessage())
                    .then(hold(post, fence, post.channel().label() + "账号需要重新授权：" + reauth.cause.getMessage()));
        }
        if (e instanceof ChannelUnavailableException) {
            return hold(post, fence, e.getMessage());
        }
        ChannelException channel = e instanceof ChannelException c ? c : null;
        String code = channel == null ? null : channel.code();
        String message = channel == null ? "发布出错：" + e.getMessage() : e.getMessage();
        boolean permanent = channel != null && channel.kind() == ChannelException.Kind.PERMANENT;
        boolean last = lease.attempt() >= jobs.maxAttempts();
        PostAttempt line = new PostAttempt(posts.now(), "出错", code, message, false);
        if (permanent || last) {
            String reason = last && !permanent ? message + "（已重试 " + lease.attempt() + " 次，请检查后手动重试）" : message;
            log.info("渠道发布 {} 失败：{} {}", post.id(), code, reason);
            return posts.fenced(post.id(), fence, new Update().set("state", PostState.FAILED).set("failure", reason)
                            .set("failureCode", code).push("history", line))
                    .then(Mono.error(new PermanentJobFailure(reason)));
        }
        Mono<ChannelPost> noted = posts.fenced(post.id(), fence, new Update().push("history", line));
        if (channel != null && channel.kind() == ChannelException.Kind.BUSY && channel.untilNextDay()) {
            // A daily quota: only tomorrow helps, and waiting for it is not a failed attempt.
            java.time.ZonedDateTime now = posts.now().atZone(java.time.ZoneId.of("Asia/Shanghai"));
            Duration untilTomorrow = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(now.getZone()).plusMinutes(5));
            return noted.then(Mono.error(RetryJob.checkAgainAfter(message, untilTomorrow)));
        }
        if (channel != null && channel.kind() == ChannelException.Kind.BUSY && channel.retryAfter() != null) {
            Duration after = channel.retryAfter().isZero() ? Duration.ofSeconds(1) : channel.retryAfter();
            return noted.then(Mono.error(RetryJob.failedRetryAfter(message, after)));
        }
        return noted.then(Mono.error(e));
    }

    /** Waits for the channel; a post already in the channel's review stays there (and is not editable meanwhile). */
    private Mono<Void> hold(ChannelPost post, long fence, String reason) {
        boolean inReview = post.state() == PostState.IN_REVIEW;
        Update update = new Update().set("state", inReview ? PostState.IN_REVIEW : PostState.HELD).set("failure", reason);
        if (post.state() != PostState.HELD && !inReview) {
            update.push("history", new PostAttempt(posts.now(), "等待渠道", null, reason, false));
        }
        return posts.fenced(post.id(), fence, update)
                .then(Mono.error(RetryJob.checkAgainAfter(reason, properties.heldRetry())));
    }

    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }
}
