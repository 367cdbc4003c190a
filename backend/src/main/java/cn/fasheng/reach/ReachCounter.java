package cn.fasheng.reach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Gathers counts in memory and adds them every second (by default) to the pages' daily documents with one atomic
 * {@code $inc} upsert each, so thousands of events a second cost a handful of writes. A count leaves memory only when
 * its write succeeded; a refused write puts it back for the next round, while one whose answer was lost (it may have
 * been applied) is not written again. On shutdown the flush under way finishes and what is left is written.
 */
@Component
class ReachCounter {

    private static final Logger log = LoggerFactory.getLogger(ReachCounter.class);

    record Bucket(ReachTarget target, String id, String day) {
    }

    private final ConcurrentHashMap<Bucket, long[]> pending = new ConcurrentHashMap<>();
    private final ReactiveMongoTemplate mongo;
    private final Map<ReachTarget, ReachTargetSource> sources;
    private final ShanghaiDay days;
    private final Disposable flusher;
    /** One flush at a time; shutdown waits for the one under way instead of cancelling it halfway. */
    private final Semaphore gate = new Semaphore(1);
    private volatile boolean closing;

    ReachCounter(ReactiveMongoTemplate mongo, List<ReachTargetSource> sources, ShanghaiDay days, ReachProperties properties) {
        this.mongo = mongo;
        this.sources = sources.stream().collect(Collectors.toMap(ReachTargetSource::target, Function.identity()));
        this.days = days;
        this.flusher = Flux.interval(properties.flushEvery(), properties.flushEvery(), Schedulers.single())
                .onBackpressureDrop()
                .filter(tick -> !closing)
                .concatMap(tick -> flush().onErrorResume(e -> {
                    log.warn("传播数据未能写入，稍后重试：{}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    void add(ReachTarget target, String id, ReachMetric metric) {
        pending.compute(new Bucket(target, id, days.todayText()), (bucket, counts) -> {
            long[] c = counts == null ? new long[ReachMetric.values().length] : counts;
            c[metric.ordinal()]++;
            return c;
        });
    }

    /** Writes what has been gathered (after any flush under way); answers how many events were written. */
    Mono<Long> flush() {
        return Mono.using(() -> {
            gate.acquire();
            return gate;
        }, held -> writeGathered(), Semaphore::release).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Long> writeGathered() {
        Map<Bucket, long[]> taken = new HashMap<>();
        for (Bucket bucket : new ArrayList<>(pending.keySet())) {
            // Removing under the map's lock: an event arriving now goes into a new entry, none is lost.
            pending.computeIfPresent(bucket, (b, counts) -> {
                taken.put(b, counts);
                return null;
            });
        }
        if (taken.isEmpty()) {
            return Mono.just(0L);
        }
        Map<ReachTarget, List<Bucket>> byTarget = taken.keySet().stream().collect(Collectors.groupingBy(Bucket::target,
                () -> new EnumMap<>(ReachTarget.class), Collectors.toList()));
        return Flux.fromIterable(byTarget.entrySet())
                .concatMap(entry -> known(entry.getKey(), entry.getValue(), taken))
                .flatMap(bucket -> write(bucket, taken.get(bucket)).filter(ok -> ok).map(ok -> bucket), 4)
                .collectList()
                .flatMap(written -> totals(written, taken).thenReturn(written.stream()
                        .mapToLong(b -> java.util.Arrays.stream(taken.get(b)).sum()).sum()));
    }

    private Flux<Bucket> known(ReachTarget target, List<Bucket> buckets, Map<Bucket, long[]> taken) {
        ReachTargetSource source = sources.get(target);
        if (source == null) {
            return Flux.empty();
        }
        return source.describe(buckets.stream().map(Bucket::id).collect(Collectors.toSet()))
                .flatMapMany(pages -> Flux.fromIterable(buckets).filter(b -> pages.containsKey(b.id())))
                .onErrorResume(e -> {
                    buckets.forEach(b -> putBack(b, taken.get(b)));
                    log.warn("无法核对被计数的页面，留待下次：{}", e.toString());
                    return Flux.empty();
                });
    }

    private Mono<Boolean> write(Bucket bucket, long[] counts) {
        Update update = new Update().setOnInsert("target", bucket.target().code()).setOnInsert("targetId", bucket.id())
                .setOnInsert("day", bucket.day());
        for (ReachMetric metric : ReachMetric.values()) {
            if (counts[metric.ordinal()] > 0) {
                update.inc(metric.field(), counts[metric.ordinal()]);
            }
        }
        Query query = Query.query(Criteria.where("_id").is(ReachDay.id(bucket.target(), bucket.id(), bucket.day())));
        return mongo.upsert(query, update, ReachDay.class)
                // Two instances creating the day's document at once: the loser's retry increments it.
                .retryWhen(reactor.util.retry.Retry.max(1).filter(DuplicateKeyException.class::isInstance))
                .thenReturn(true)
                .onErrorResume(e -> {
                    if (mayHaveBeenApplied(e)) {
                        // The answer was lost, not necessarily the write: counting it again could count it twice.
                        log.warn("传播数据写入结果未知（{}），为免重复计数不再重写：{}", bucket, e.toString());
                    }
                    else {
                        putBack(bucket, counts);
                        log.warn("传播数据未能写入（{}），已留待下次：{}", bucket, e.toString());
                    }
                    return Mono.just(false);
                });
    }

    private Mono<Void> totals(List<Bucket> written, Map<Bucket, long[]> counts) {
        return Flux.fromIterable(written.stream().collect(Collectors.groupingBy(Bucket::target)).entrySet())
                .concatMap(entry -> {
                    Map<String, Long> views = new HashMap<>();
                    entry.getValue().forEach(b -> views.merge(b.id(), counts.get(b)[ReachMetric.VIEWS.ordinal()], Long::sum));
                    views.values().removeIf(v -> v == 0);
                    return views.isEmpty() ? Mono.<Void>empty() : sources.get(entry.getKey()).counted(views)
                            .onErrorResume(e -> {
                                log.warn("阅读总数未能更新：{}", e.toString());
                                return Mono.empty();
                            });
                })
                .then();
    }

    /** A connection lost or timed out while waiting for the answer: the server may have applied the update. */
    private static boolean mayHaveBeenApplied(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof com.mongodb.MongoSocketReadException || e instanceof com.mongodb.MongoSocketReadTimeoutException
                    || e instanceof com.mongodb.MongoSocketClosedException || e instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void putBack(Bucket bucket, long[] counts) {
        pending.merge(bucket, counts.clone(), (a, b) -> {
            long[] sum = a.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += b[i];
            }
            return sum;
        });
    }

    @PreDestroy
    void close() {
        closing = true;
        try {
            flush().block(Duration.ofSeconds(10));
        }
        catch (RuntimeException e) {
            log.warn("关闭前未能写入最后的传播数据：{}", e.toString());
        }
        finally {
            flusher.dispose();
        }
    }
}
