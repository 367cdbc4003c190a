package cn.fasheng.publishing.fake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback HTTP server standing in for a publishing channel: routing by method and path, the channel's
 * error envelope, latency, fault injection and a request log. Subclasses add the channel's routes and state.
 */
public abstract class FakeChannelServer implements AutoCloseable {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final byte[] NO_BODY = new byte[0];

    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedDeque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, Duration> pathLatency = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> arrived = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, Runnable>> callActions = new ConcurrentHashMap<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final Object handledSignal = new Object();
    private volatile Duration latency = Duration.ZERO;
    private DisposableServer server;

    @FunctionalInterface
    protected interface Handler {
        Reply handle(FakeRequest request);
    }

    /** code is the channel's code for the log ("-" for non-envelope replies). */
    protected record Reply(int status, String contentType, byte[] body, String code, Map<String, String> headers) {

        Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, contentType, body, code, all);
        }
    }

    /** Thrown by handlers to answer with the channel's error envelope. */
    protected static final class ChannelError extends RuntimeException {

        final int code;

        ChannelError(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /** Thrown when a body cannot be parsed: answered with the channel's malformed-request code. */
    protected static final class MalformedRequest extends RuntimeException {

        MalformedRequest(String message) {
            super(message, null, false, false);
        }
    }

    private sealed interface Fault permits EnvelopeFault, HttpFault, SlowFault {
    }

    private record EnvelopeFault(int code, String message, Duration retryAfter) implements Fault {
    }

    private record HttpFault(int status) implements Fault {
    }

    private record SlowFault(Duration delay) implements Fault {
    }

    private record Outcome(Reply reply, Duration delay) {
    }

    protected abstract Reply errorReply(int code, String message);

    /** The channel's code for a body it cannot parse. */
    protected abstract int malformedCode();

    /** Clears the channel's own state and counters (faults, latency and the log are cleared here). */
    protected abstract void resetState();

    private LoopResources loops;

    protected final void route(String method, String path, Handler handler) {
        routes.put(method + " " + path, handler);
    }

    /**
     * Own event loops, not Reactor Netty's global ones: an application context closing in the same JVM (a test's
     * second instance) disposes the global loops, and the fake must outlive it.
     */
    protected final void listen() {
        loops = LoopResources.create("fake-channel", 2, true);
        server = HttpServer.create().runOn(loops).host("127.0.0.1").port(0).handle(this::serve).bindNow();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
        loops.dispose();
    }

    public void latency(Duration delay) {
        latency = delay;
    }

    public void latency(String path, Duration delay) {
        pathLatency.put(path, delay);
    }

    public void failNext(String path, int code, String message, int times) {
        for (int i = 0; i < times; i++) {
            queue(path).add(new EnvelopeFault(code, message, null));
        }
    }

    public void failNextWithRetryAfter(String path, int code, String message, Duration retryAfter) {
        queue(path).add(new EnvelopeFault(code, message, retryAfter));
    }

    public void httpErrorNext(String path, int status, int times) {
        for (int i = 0; i < times; i++) {
            queue(path).add(new HttpFault(status));
        }
    }

    /** The next call to path does its work, then its response is held back (a client timeout after the effect). */
    public void delayResponseNext(String path, Duration delay) {
        queue(path).add(new SlowFault(delay));
    }

    public void onCall(String path, int n, Runnable action) {
        callActions.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(n, action);
    }

    public int calls(String path) {
        return count(arrived, path);
    }

    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Waits until n calls to path have been handled (their effects done; responses may still be delayed). */
    public boolean awaitCalls(String path, int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (handledSignal) {
            while (count(handled, path) < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    handledSignal.wait(Math.max(1, left / 1_000_000));
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    public void reset() {
        faults.clear();
        pathLatency.clear();
        latency = Duration.ZERO;
        callActions.clear();
        arrived.clear();
        handled.clear();
        log.clear();
        resetState();
    }

    protected static Reply text(int status, String text) {
        return new Reply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), "-", Map.of());
    }

    protected static Reply html(String html) {
        return new Reply(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), "-", Map.of());
    }

    protected static Reply json(int code, Object body) {
        return new Reply(200, "application/json; charset=utf-8", JSON.writeValueAsBytes(body), String.valueOf(code),
                Map.of());
    }

    /** An ordered JSON object from name/value pairs; null values are kept. */
    protected static Map<String, Object> obj(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    protected static boolean isJpeg(byte[] data) {
        return data.length > 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8 && (data[2] & 0xff) == 0xff;
    }

    protected static boolean isPng(byte[] data) {
        return data.length > 8 && Arrays.equals(data, 0, 4, new byte[] { (byte) 0x89, 'P', 'N', 'G' }, 0, 4);
    }

    private ConcurrentLinkedDeque<Fault> queue(String path) {
        return faults.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>());
    }

    private Fault nextFault(String path) {
        ConcurrentLinkedDeque<Fault> queue = faults.get(path);
        return queue == null ? null : queue.poll();
    }

    private static int count(Map<String, AtomicInteger> counts, String path) {
        AtomicInteger count = counts.get(path);
        return count == null ? 0 : count.get();
    }

    private Mono<Void> serve(HttpServerRequest request, HttpServerResponse response) {
        String path = FakeRequest.path(request.uri());
        Map<String, List<String>> query = FakeRequest.decode(request.uri(), true);
        int n = arrived.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        return request.receive().aggregate().asByteArray().defaultIfEmpty(NO_BODY)
                .delayUntil(body -> pause(latency.plus(pathLatency.getOrDefault(path, Duration.ZERO))))
                .publishOn(Schedulers.boundedElastic())
                .map(body -> process(new FakeRequest(request.method().name(), path, query,
                        request.requestHeaders(), body), n))
                .delayUntil(outcome -> pause(outcome.delay()))
                .flatMap(outcome -> send(response, outcome.reply()));
    }

    private static Mono<Long> pause(Duration delay) {
        return delay.isZero() ? Mono.empty() : Mono.delay(delay);
    }

    private Outcome process(FakeRequest request, int n) {
        Duration delay = Duration.ZERO;
        Reply reply;
        try {
            Runnable action = callActions.getOrDefault(request.path(), Map.of()).get(n);
            if (action != null) {
                action.run();
            }
            Fault fault = nextFault(request.path());
            if (fault instanceof EnvelopeFault f) {
                reply = errorReply(f.code(), f.message());
                if (f.retryAfter() != null) {
                    reply = reply.withHeader("Retry-After", String.valueOf((f.retryAfter().toMillis() + 999) / 1000));
                }
            }
            else if (fault instanceof HttpFault f) {
                reply = text(f.status(), "fake channel: injected HTTP " + f.status());
            }
            else {
                if (fault instanceof SlowFault f) {
                    delay = f.delay();
                }
                reply = dispatch(request);
            }
        }
        catch (RuntimeException e) {
            reply = text(500, "fake channel failed: " + e);
        }
        log.add(request.method() + " " + request.path() + " -> " + reply.status() + " " + reply.code());
        handled.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
        synchronized (handledSignal) {
            handledSignal.notifyAll();
        }
        return new Outcome(reply, delay);
    }

    private Reply dispatch(FakeRequest request) {
        Handler handler = routes.get(request.method() + " " + request.path());
        if (handler == null) {
            return text(404, "fake channel: no route " + request.method() + " " + request.path());
        }
        try {
            return handler.handle(request);
        }
        catch (ChannelError e) {
            return errorReply(e.code, e.getMessage());
        }
        catch (MalformedRequest e) {
            return errorReply(malformedCode(), e.getMessage());
        }
    }

    private static Mono<Void> send(HttpServerResponse response, Reply reply) {
        response.status(reply.status())
                .header("Content-Type", reply.contentType())
                .header("Content-Length", String.valueOf(reply.body().length));
        reply.headers().forEach(response::header);
        return response.sendByteArray(Mono.just(reply.body())).then();
    }
}
