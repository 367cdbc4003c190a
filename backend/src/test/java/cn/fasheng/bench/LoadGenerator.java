package cn.fasheng.bench;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** A closed-loop load generator: N connections, each sending its next request when the last one is answered. */
final class LoadGenerator {

    record Result(String name, long bytes, double requestsPerSecond, double p50Millis, double p99Millis, long errors) {
    }

    private final HttpClient client;
    private final int connections;

    LoadGenerator(String baseUrl, int connections) {
        this.connections = connections;
        this.client = HttpClient.create(ConnectionProvider.builder("bench").maxConnections(connections).build())
                .baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30));
    }

    Result run(String name, String path, Duration warmUp, Duration measure) {
        drive(path, warmUp, new ConcurrentLinkedQueue<>(), new AtomicLong(), new AtomicLong());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long started = System.nanoTime();
        drive(path, measure, latencies, errors, bytes);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(name, sorted.length == 0 ? 0 : bytes.get() / sorted.length, sorted.length / seconds,
                percentile(sorted, 0.50), percentile(sorted, 0.99), errors.get());
    }

    private void drive(String path, Duration duration, ConcurrentLinkedQueue<Long> latencies, AtomicLong errors,
            AtomicLong bytes) {
        long end = System.nanoTime() + duration.toNanos();
        Flux.range(0, connections)
                .flatMap(worker -> Mono.defer(() -> request(path, latencies, errors, bytes))
                        .repeat(() -> System.nanoTime() < end), connections)
                .blockLast();
    }

    private Mono<Void> request(String path, ConcurrentLinkedQueue<Long> latencies, AtomicLong errors, AtomicLong bytes) {
        long start = System.nanoTime();
        return client.get().uri(path)
                .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0]).map(content -> {
                    if (response.status().code() != 200) {
                        errors.incrementAndGet();
                    }
                    bytes.addAndGet(content.length);
                    return content.length;
                }))
                .doOnNext(n -> latencies.add(System.nanoTime() - start))
                .onErrorResume(e -> {
                    errors.incrementAndGet();
                    return Mono.empty();
                })
                .then();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1e6;
    }
}
