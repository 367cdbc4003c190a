package cn.fasheng.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Public lists, search results and topics, reused across requests until the public column changes: every
 * public page runs several list queries, and the embedded store answers them by scanning. Concurrent requests
 * for the same list share one query. A change (publication, withdrawal, topic edit) bumps a counter document
 * that every instance reads every two seconds, so all instances forget their lists within seconds; the time to
 * live bounds how stale view counts on list cards get.
 */
@Component
class PublicContentCache implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicContentCache.class);
    private static final String ID = "public-column";

    @Document("public_changes")
    record PublicChanges(@Id String id, long version, Instant changedAt) {
    }

    private final AsyncCache<Object, Object> cache;
    private final ReactiveMongoTemplate mongo;
    private final AtomicLong seen = new AtomicLong(-1);
    private final Clock clock;
    private volatile Instant changedAt;
    private volatile Disposable watching;
    private volatile boolean ready;

    PublicContentCache(ContentProperties properties, ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().expireAfterWrite(properties.publicCacheTtl()).maximumSize(2_000).buildAsync();
    }

    @SuppressWarnings("unchecked")
    <T> Mono<T> get(Object key, Supplier<Mono<T>> load) {
        return Mono.fromFuture(() -> cache.get(key, (k, executor) -> load.get().map(value -> (Object) value).toFuture()))
                .map(value -> (T) value);
    }

    /** Records that the public column changed, here and for every other instance. */
    Mono<Void> changed() {
        cache.synchronous().invalidateAll();
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(ID)),
                new Update().inc("version", 1).set("changedAt", clock.instant()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), PublicChanges.class)
                .doOnNext(changes -> {
                    seen.set(changes.version());
                    changedAt = changes.changedAt();
                })
                .then();
    }

    /** When anything last became or stopped being public, as far as this instance has heard; null if never. */
    Instant changedAt() {
        return changedAt;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watchForChanges() {
        ready = true;
        start();
    }

    private Disposable watch() {
        return Flux.interval(Duration.ofSeconds(2))
                .onBackpressureDrop()
                .concatMap(tick -> mongo.findById(ID, PublicChanges.class)
                        .doOnNext(changes -> {
                            changedAt = changes.changedAt();
                            if (seen.getAndSet(changes.version()) != changes.version()) {
                                cache.synchronous().invalidateAll();
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("读取栏目变更标记失败：{}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public synchronized void start() {
        if (ready && !isRunning()) {
            watching = watch();
        }
    }

    @Override
    public synchronized void stop() {
        Disposable current = watching;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return watching != null && !watching.isDisposed();
    }
}
