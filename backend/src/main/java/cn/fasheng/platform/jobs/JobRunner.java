package cn.fasheng.platform.jobs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every instance polls the queue; claiming is atomic, so each due job runs on one instance at a time. Jobs run
 * side by side up to a total, and up to each type's own limit (so a long transcode never holds up a timed
 * publication); the lease of a running job is renewed until it ends.
 */
@Component
class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobQueue queue;
    private final JobProperties properties;
    private final Map<String, JobHandler<?>> handlers;
    private final Map<String, AtomicInteger> runningByType = new ConcurrentHashMap<>();
    private final Map<Disposable, Job> runs = new ConcurrentHashMap<>();
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private volatile Disposable polling;
    private volatile boolean ready;

    JobRunner(JobQueue queue, JobProperties properties, List<JobHandler<?>> handlers) {
        this.queue = queue;
        this.properties = properties;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
        this.handlers.keySet().forEach(type -> runningByType.put(type, new AtomicInteger()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void startPolling() {
        ready = true;
        start();
    }

    private Disposable poll() {
        return Flux.interval(Duration.ZERO, properties.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> claimWhileFree().onErrorResume(e -> {
                    log.warn("任务队列轮询失败：{}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** Claims due jobs and starts them until no slot is free or nothing is due. */
    private Mono<Void> claimWhileFree() {
        return Mono.defer(() -> {
            List<String> types = freeTypes();
            if (types.isEmpty()) {
                return Mono.just(false);
            }
            return queue.claim(owner, types).timeout(Duration.ofSeconds(30))
                    .map(job -> {
                        start(job);
                        return true;
                    })
                    .defaultIfEmpty(false);
        }).repeat().takeWhile(Boolean::booleanValue).then();
    }

    private List<String> freeTypes() {
        if (runs.size() >= properties.concurrency()) {
            return List.of();
        }
        return handlers.values().stream()
                .filter(h -> h.concurrency() <= 0 || runningByType.get(h.type()).get() < h.concurrency())
                .map(JobHandler::type).toList();
    }

    private void start(Job job) {
        AtomicInteger counter = runningByType.computeIfAbsent(job.type(), t -> new AtomicInteger());
        counter.incrementAndGet();
        Disposable[] self = new Disposable[1];
        self[0] = run(job).doFinally(signal -> {
            counter.decrementAndGet();
            if (self[0] != null) {
                runs.remove(self[0]);
            }
        }).subscribe();
        if (!self[0].isDisposed()) {
            runs.put(self[0], job);
        }
    }

    private Mono<Void> run(Job job) {
        JobHandler<?> handler = handlers.get(job.type());
        if (handler == null) {
            return queue.fail(job, "没有处理该类型任务的程序：" + job.type()).then();
        }
        Mono<Void> leaseLost = Flux.interval(properties.lease().dividedBy(3))
                .concatMap(tick -> queue.extend(job).onErrorReturn(true))
                .filter(extended -> !extended).next()
                .then(Mono.error(new LeaseLostException()));
        return Mono.firstWithSignal(execute(handler, job), leaseLost)
                .then(Mono.defer(() -> queue.complete(job)))
                .onErrorResume(e -> {
                    if (e instanceof LeaseLostException) {
                        log.warn("任务 {} ({}) 已由其他实例接手，本实例停止执行", job.key(), job.type());
                        return Mono.empty();
                    }
                    if (e instanceof RetryJob retry) {
                        if (retry.attempt()) {
                            log.info("任务 {} ({}) 第 {} 次执行未成功，{} 秒后重试：{}", job.key(), job.type(), job.attempts(),
                                    retry.after().toSeconds(), retry.getMessage());
                        }
                        return queue.retry(job, retry);
                    }
                    log.warn("任务 {} ({}) 第 {} 次执行失败：{}", job.key(), job.type(), job.attempts(), e.toString());
                    return queue.fail(job, e.getMessage() == null ? e.toString() : e.getMessage(),
                            e instanceof PermanentJobFailure);
                })
                .onErrorResume(e -> {
                    log.warn("无法记录任务 {} 的结果：{}", job.key(), e.toString());
                    return Mono.empty();
                })
                .then();
    }

    private <P extends Record> Mono<Void> execute(JobHandler<P> handler, Job job) {
        Duration timeout = handler.timeout() == null ? properties.timeout() : handler.timeout();
        JobLease lease = new JobLease(job.id(), job.key(), job.fence(), job.attempts());
        return Mono.defer(() -> handler.handle(queue.payload(job, handler.payloadType()), lease)).timeout(timeout);
    }

    /** Also called when a stopped context is started again (e.g. a paused test context). */
    @Override
    public synchronized void start() {
        if (ready && !isRunning()) {
            polling = poll();
        }
    }

    /**
     * Running jobs are stopped and handed back, not failed, so that another instance (or this one when started
     * again) takes them at once. A crashed instance hands nothing back: its leases expire instead.
     */
    @Override
    public synchronized void stop() {
        Disposable current = polling;
        if (current != null) {
            current.dispose();
        }
        Map<Disposable, Job> stopped = Map.copyOf(runs);
        runs.clear();
        stopped.keySet().forEach(Disposable::dispose);
        Flux.fromIterable(stopped.values()).flatMap(job -> queue.release(job).onErrorReturn(false))
                .then().block(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return polling != null && !polling.isDisposed();
    }

    private static final class LeaseLostException extends RuntimeException {
    }
}
