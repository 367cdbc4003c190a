package cn.fasheng.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.platform.jobs.JobHandler;
import cn.fasheng.platform.jobs.JobLease;
import cn.fasheng.platform.jobs.JobQueue;
import cn.fasheng.platform.jobs.JobState;
import cn.fasheng.platform.jobs.RetryJob;
import cn.fasheng.publishing.bilibili.BilibiliApi;
import cn.fasheng.publishing.wechat.WechatApi;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every few hours: each published Bilibili archive's counters, and each WeChat day's article figures not fetched yet
 * (WeChat has yesterday's after about 08:00 and asks to be asked once). Calls go with the publishing token handling
 * (renewed once when refused); a busy or unreachable channel is retried with the queue's backoff a few times, then
 * waits for the next round. A channel that is not connected is left alone.
 */
@Component
class ChannelFiguresJob implements JobHandler<ChannelFiguresJob.Payload> {

    static final String TYPE = "publishing.figures";
    static final String KEY = "channel-figures";
    /** WeChat keeps article figures for a while; a new or long-stopped instance fetches this far back. */
    static final int WECHAT_DAYS_BACK = 30;
    private static final int RETRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(ChannelFiguresJob.class);

    record Payload(String round) {
    }

    private final Posts posts;
    private final ChannelTokens tokens;
    private final ChannelFigures figures;
    private final FetchedDays fetched;
    private final BilibiliApi bilibili;
    private final WechatApi wechat;
    private final JobQueue jobs;
    private final PublishingProperties properties;
    private final Clock clock;

    ChannelFiguresJob(Posts posts, ChannelTokens tokens, ChannelFigures figures, FetchedDays fetched, BilibiliApi bilibili,
            WechatApi wechat, JobQueue jobs, PublishingProperties properties, Clock clock) {
        this.posts = posts;
        this.tokens = tokens;
        this.figures = figures;
        this.fetched = fetched;
        this.bilibili = bilibili;
        this.wechat = wechat;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<Payload> payloadType() {
        return Payload.class;
    }

    /** Archives are read one by one and a first round reads up to 30 WeChat days: well beyond the queue's default. */
    @Override
    public Duration timeout() {
        return Duration.ofMinutes(30);
    }

    @EventListener(ApplicationReadyEvent.class)
    void planOnStart() {
        jobs.find(KEY).filter(job -> job.state() == JobState.PENDING || job.state() == JobState.RUNNING).hasElement()
                .flatMap(planned -> planned ? Mono.<Void>empty() : fetchNow())
                .subscribe(null, e -> log.warn("无法安排渠道数据任务：{}", e.toString()));
    }

    /** Plans a round now (an administrator's 立即更新, or the first start). */
    Mono<Void> fetchNow() {
        return jobs.schedule(KEY, TYPE, new Payload("scheduled"), clock.instant().plusSeconds(5));
    }

    @Override
    public Mono<Void> handle(Payload payload, JobLease lease) {
        return Mono.when(bilibili(), wechat())
                .onErrorResume(e -> retryable(e) && lease.attempt() < RETRIES, e -> {
                    Duration after = e instanceof ChannelException c && c.retryAfter() != null ? c.retryAfter() : Duration.ofMinutes(5);
                    return Mono.error(RetryJob.failedRetryAfter("渠道数据暂时无法读取：" + e.getMessage(), after));
                })
                .onErrorResume(e -> !(e instanceof RetryJob), e -> {
                    log.warn("本轮渠道数据未能读完，下一轮再试：{}", e.getMessage());
                    return Mono.empty();
                })
                .then(Mono.defer(() -> jobs.schedule(KEY, TYPE, payload, clock.instant().plus(properties.figuresEvery()))));
    }

    private static boolean retryable(Throwable e) {
        return e instanceof ChannelException c && (c.kind() == ChannelException.Kind.BUSY
                || c.kind() == ChannelException.Kind.TRANSIENT || c.kind() == ChannelException.Kind.UNKNOWN_OUTCOME);
    }

    private Mono<Void> bilibili() {
        LocalDate today = today();
        return posts.published(Channel.BILIBILI).filter(post -> post.remoteId() != null).collectList()
                .filter(list -> !list.isEmpty())
                .flatMap(list -> session(Channel.BILIBILI).flatMap(session -> Flux.fromIterable(list)
                        .concatMap(post -> tokens.withRenewal(session, s -> bilibili.archiveStat(s, post.remoteId()))
                                .flatMap(counters -> figures.recordTotals(post, today, counters))
                                .onErrorResume(e -> e instanceof ChannelException c && c.kind() == ChannelException.Kind.PERMANENT,
                                        e -> {
                                            // One archive removed or hidden on Bilibili: the others still count.
                                            log.info("B站稿件 {} 的数据无法读取：{}", post.remoteId(), e.getMessage());
                                            return Mono.empty();
                                        }))
                        .then()));
    }

    private Mono<Void> wechat() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ShanghaiTime.ZONE));
        // Yesterday's figures are ready after about 08:00; an hour's margin.
        LocalDate last = now.toLocalDate().minusDays(now.getHour() >= 9 ? 1 : 2);
        return posts.published(Channel.WECHAT).collectList().filter(list -> !list.isEmpty())
                .flatMap(list -> {
                    LocalDate firstPost = list.stream()
                            .map(p -> LocalDate.ofInstant(p.scheduledAt() != null ? p.scheduledAt() : p.updatedAt(), ShanghaiTime.ZONE))
                            .min(LocalDate::compareTo).orElse(last);
                    LocalDate from = firstPost.isAfter(last.minusDays(WECHAT_DAYS_BACK - 1L)) ? firstPost
                            : last.minusDays(WECHAT_DAYS_BACK - 1L);
                    if (from.isAfter(last)) {
                        return Mono.<Void>empty();
                    }
                    Map<String, ChannelPost> byTitle = list.stream().filter(p -> p.fields() != null && p.fields().title() != null)
                            .collect(Collectors.toMap(p -> p.fields().title(), Function.identity(), (a, b) -> a));
                    return fetched.missing(Channel.WECHAT, from, last).collectList().filter(days -> !days.isEmpty())
                            .flatMap(days -> session(Channel.WECHAT).flatMap(session -> Flux.fromIterable(days)
                                    .concatMap(day -> tokens.withRenewal(session, s -> wechat.articleSummary(s.accessToken(), day))
                                            .flatMap(articles -> Flux.fromIterable(articles)
                                                    .concatMap(article -> {
                                                        ChannelPost post = byTitle.get(article.title());
                                                        return post == null ? Mono.<Void>empty()
                                                                : figures.recordDay(post, day, article.figures());
                                                    })
                                                    .then(fetched.done(Channel.WECHAT, day))))
                                    .then()));
                });
    }

    /** A session, or nothing when the channel is not connected or paused: there is nothing to fetch then. */
    private Mono<ChannelSession> session(Channel channel) {
        return tokens.session(channel).onErrorResume(ChannelUnavailableException.class, e -> {
            log.info("{}暂不可用，本轮不读取数据：{}", channel.label(), e.getMessage());
            return Mono.empty();
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ShanghaiTime.ZONE));
    }
}
