package cn.fasheng.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * An open-loop sender of small HTTP/1.1 POSTs over a few kept-alive, pipelined connections, writing prepared bytes
 * and reading only status lines and lengths: it costs the machine little, so that on a two-core box what is measured
 * is the server, not the load generator. Requests leave every 10 ms whether or not earlier ones were answered.
 */
final class PipelinedPoster {

    record Result(long sent, long accepted, long errors, double seconds, double p50Millis, double p99Millis) {
    }

    private final String host;
    private final int port;
    private final int connections;

    PipelinedPoster(String host, int port, int connections) {
        this.host = host;
        this.port = port;
        this.connections = connections;
    }

    /** Sends {@code rate} requests a second for {@code run}; request n's bytes come from {@code request}. */
    Result send(int rate, Duration run, long firstNumber, LongFunction<byte[]> request) throws Exception {
        int perTick = Math.max(1, rate / 100);
        long ticks = run.toMillis() / 10;
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            Socket socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            ConcurrentLinkedQueue<Long> inFlight = new ConcurrentLinkedQueue<>();
            long expected = ticks * (perTick / connections + (connection < perTick % connections ? 1 : 0));
            threads.add(started(() -> read(socket, inFlight, expected, accepted, errors, latencies)));
            threads.add(started(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    for (long tick = 0; tick < ticks; tick++) {
                        long due = started + tick * 10_000_000L;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        for (int i = connection; i < perTick; i += connections) {
                            long n = firstNumber + tick * perTick + i;
                            inFlight.add(System.nanoTime());
                            out.write(request.apply(n));
                            sent.incrementAndGet();
                        }
                        out.flush();
                    }
                }
                catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(sent.get(), accepted.get(), errors.get(), seconds, percentile(sorted, 0.5), percentile(sorted, 0.99));
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work, "reach-bench");
        thread.start();
        return thread;
    }

    /** A POST with a JSON body, as bytes ready to write. */
    static byte[] post(String host, int port, String path, String userAgent, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                + "User-Agent: " + userAgent + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static void read(Socket socket, ConcurrentLinkedQueue<Long> inFlight, long expected, AtomicLong accepted,
            AtomicLong errors, ConcurrentLinkedQueue<Long> latencies) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65_536)) {
            for (long answered = 0; answered < expected; answered++) {
                String status = line(in);
                if (status == null) {
                    errors.addAndGet(expected - answered);
                    return;
                }
                long length = 0;
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                        length = Long.parseLong(header.substring(15).strip());
                    }
                }
                in.skipNBytes(length);
                Long sentAt = inFlight.poll();
                if (sentAt != null) {
                    latencies.add(System.nanoTime() - sentAt);
                }
                if (status.startsWith("HTTP/1.1 204")) {
                    accepted.incrementAndGet();
                }
                else {
                    errors.incrementAndGet();
                }
            }
        }
        catch (IOException e) {
            errors.incrementAndGet();
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return null;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1e6;
    }
}
