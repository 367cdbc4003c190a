package cn.fasheng.debate;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Tells open public pages that a contest changed. A change on this instance is announced at once; changes made
 * on other instances are noticed by reading the contests' revision counters every second, but only while some
 * page is listening (no change streams: they need a replica set, which the single machine does not have).
 */
@Service
class DebateLive implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DebateLive.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final ReactiveMongoTemplate mongo;
    private final Sinks.Many<LiveRevision> changes = Sinks.many().multicast().directBestEffort();
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    private final Map<String, Integer> listeners = new ConcurrentHashMap<>();
    private final Disposable poller;
    // Replaced on every start: a stopped context (tests pause idle ones) is started again with streams to serve.
    private volatile Sinks.Empty<Void> closing = Sinks.empty();
    private volatile boolean running;

    DebateLive(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.poller = Flux.interval(POLL).onBackpressureDrop()
                .concatMap(tick -> poll().onErrorResume(e -> {
                    log.warn("debate live poll failed: {}", e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    /** Raises the contest's revision and tells this instance's listeners. */
    Mono<Void> changed(String contestId) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(contestId)), new Update().inc("revision", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), LiveRevision.class)
                .doOnNext(this::announce)
                .then();
    }

    Mono<Void> forget(String contestId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(contestId)), LiveRevision.class).then();
    }

    Mono<Long> revision(String contestId) {
        return mongo.findById(contestId, LiveRevision.class).map(LiveRevision::revision).defaultIfEmpty(0L);
    }

    /** Revisions of the contest from now on (the current one first), for as long as the subscriber stays. */
    Flux<Long> revisions(String contestId) {
        // Listening before reading, so that a change in between is not lost; only increases are passed on.
        Flux<Long> live = changes.asFlux().onBackpressureLatest()
                .filter(c -> c.contestId().equals(contestId)).map(LiveRevision::revision);
        return Flux.merge(live, revision(contestId))
                .scan(-1L, Math::max).skip(1)
                .distinctUntilChanged()
                .doOnSubscribe(s -> listeners.merge(contestId, 1, Integer::sum))
                .doFinally(signal -> listeners.computeIfPresent(contestId, (id, n) -> n > 1 ? n - 1 : null));
    }

    private Mono<Void> poll() {
        Set<String> watched = listeners.keySet();
        if (watched.isEmpty()) {
            return Mono.empty();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(watched)), LiveRevision.class)
                .doOnNext(this::announce).then();
    }

    private void announce(LiveRevision revision) {
        Long before = known.get(revision.contestId());
        if (before == null || revision.revision() > before) {
            known.merge(revision.contestId(), revision.revision(), Math::max);
            changes.emitNext(revision, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
        }
    }

    /** Completes when the application shuts down, so open event streams end instead of holding up the shutdown. */
    Mono<Void> closing() {
        return Mono.defer(() -> closing.asMono());
    }

    @Override
    public void start() {
        if (!running) {
            closing = Sinks.empty();
        }
        running = true;
    }

    /** Before the web server's graceful shutdown (a later phase stops earlier), which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        closing.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @PreDestroy
    void dispose() {
        poller.dispose();
    }
}
