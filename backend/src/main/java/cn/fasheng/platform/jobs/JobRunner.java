package cn.fasheng.platform.jobs;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Every instance polls the queue; claiming is atomic, so each due job runs on one instance at a time. */
@Component
class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobQueue queue;
    private final JobProperties properties;
    private final Map<String, JobHandler<?>> handlers;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private volatile Disposable polling;
    private volatile boolean ready;

    JobRunner(JobQueue queue, JobProperties properties, List<JobHandler<?>> handlers) {
        this.queue = queue;
        this.properties = properties;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void startPolling() {
        ready = true;
        start();
    }

    private Disposable poll() {
        return Flux.interval(properties.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> drain().onErrorResume(e -> {
                    log.warn("任务队列轮询失败：{}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    /** Runs due jobs one after another until none is due. */
    Mono<Void> drain() {
        return queue.claim(owner).timeout(Duration.ofSeconds(30))
                .flatMap(job -> run(job).thenReturn(true))
                .defaultIfEmpty(false)
                .repeat()
                .takeWhile(Boolean::booleanValue)
                .then();
    }

    private Mono<Void> run(Job job) {
        JobHandler<?> handler = handlers.get(job.type());
        if (handler == null) {
            return queue.fail(job, "没有处理该类型任务的程序：" + job.type()).then();
        }
        return execute(handler, job)
                .then(Mono.defer(() -> queue.complete(job)))
                .onErrorResume(e -> {
                    log.warn("任务 {} ({}) 第 {} 次执行失败：{}", job.key(), job.type(), job.attempts(), e.toString());
                    return queue.fail(job, e.toString());
                })
                .then();
    }

    private <P extends Record> Mono<Void> execute(JobHandler<P> handler, Job job) {
        return Mono.defer(() -> handler.handle(queue.payload(job, handler.payloadType())))
                .timeout(properties.timeout());
    }

    /** Also called when a stopped context is started again (e.g. a paused test context). */
    @Override
    public synchronized void start() {
        if (ready && !isRunning()) {
            polling = poll();
        }
    }

    @Override
    public synchronized void stop() {
        Disposable current = polling;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return polling != null && !polling.isDisposed();
    }
}
