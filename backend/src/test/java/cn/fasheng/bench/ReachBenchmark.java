package cn.fasheng.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Counting under load, against the running jar on the embedded default. View reports go out at a fixed rate (2,000 a
 * second for 60 s by default, each from a different reader) over a few pipelined connections from a sender that costs
 * the machine little, so that the server is what is measured; their latency is taken alone. Then the article page is
 * kept under load while reports are switched on and off in turns of 10 s (five times on), and its requests per second
 * with reports are compared with the windows around them.
 * Finally the dashboard's total must equal every report accepted. Both paths are warmed up first (reports 20 s, the
 * page 150 s). Run with {@code ./mvnw -Pbenchmark -DskipTests verify -Dbench.suite=reach}.
 */
public final class ReachBenchmark {

    private static final String PASSWORD = "benchmark-admin-password";
    private static final Pattern REACH_ID = Pattern.compile("data-reach-id=\"([^\"]+)\"");

    private ReachBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!BenchSupport.selected("reach")) {
            return;
        }
        Path root = Path.of(System.getProperty("fasheng.repo-root", "..")).toAbsolutePath().normalize();
        int items = Integer.getInteger("bench.items", 1_000);
        int rate = Integer.getInteger("bench.reach-rate", 2_000);
        Duration run = Duration.ofSeconds(Integer.getInteger("bench.reach-seconds", 60));
        Duration window = Duration.ofSeconds(Integer.getInteger("bench.page-seconds", 10));
        int windows = Integer.getInteger("bench.page-windows", 5);
        // The article page keeps getting faster for minutes on two cores while the JIT compiles Thymeleaf's paths.
        Duration pageWarmUp = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 150));
        int connections = Integer.getInteger("bench.connections", 16);
        Path data = root.resolve("backend/target/bench-reach");
        BenchSupport.deleteTree(data);
        List<BenchmarkData.Template> templates = BenchmarkData.seed(data, root.resolve("media-samples/demo"), items);

        int port = BenchSupport.freePort();
        Path log = data.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("backend/target/fasheng.jar").toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FASHENG_DATA_DIR", data.toString());
        builder.environment().put("FASHENG_PORT", String.valueOf(port));
        builder.environment().put("FASHENG_ADMIN_PASSWORD", PASSWORD);
        builder.environment().put("FASHENG_SEED_DEMO", "false");
        Process app = builder.start();
        String base = "http://127.0.0.1:" + port;
        try {
            BenchSupport.waitUntilReady(port, app, log);
            BenchmarkData.Template article = templates.get(0);
            String articlePath = "/" + article.kind().path() + "/" + article.slug() + "-" + (items / 2 / templates.size() * templates.size());
            List<String> ids = pageIds(base, templates, items);
            BenchSupport.Session admin = BenchSupport.Session.login(base, "admin", PASSWORD);
            long before = columnViews(admin, base);

            // Both paths are warmed up first (the JIT takes a while on two cores); the warm-up reports count too.
            PipelinedPoster events = new PipelinedPoster("127.0.0.1", port, 2);
            LongFunction<byte[]> report = n -> PipelinedPoster.post("127.0.0.1", port, "/api/public/reach",
                    "Mozilla/5.0 (Linux; Android 14) Mobile Safari/537.36 reader/" + n,
                    "{\"event\":\"view\",\"target\":\"content\",\"id\":\"" + ids.get((int) (n % ids.size())) + "\"}");
            long[] readers = {0};
            long accepted = events.send(rate, Duration.ofSeconds(20), next(readers, rate, 20), report).accepted();
            LoadGenerator pages = new LoadGenerator(base, connections);
            pages.run("预热", articlePath, pageWarmUp, Duration.ofSeconds(1));

            PipelinedPoster.Result sent = events.send(rate, run, next(readers, rate, run.toSeconds()), report);
            accepted += sent.accepted();

            // The page under load throughout, reports switched on in every other window: off, on, off, … off, so that
            // what the JIT still changes over time weighs the same on both sides.
            List<LoadGenerator.Result> without = new ArrayList<>();
            List<LoadGenerator.Result> with = new ArrayList<>();
            for (int w = 0; w < 2 * windows + 1; w++) {
                if (w % 2 == 0) {
                    without.add(pages.run("文章页", articlePath, Duration.ZERO, window));
                    continue;
                }
                long first = next(readers, rate, window.toSeconds());
                Mono<PipelinedPoster.Result> sending = Mono.fromCallable(() -> events.send(rate, window, first, report))
                        .subscribeOn(Schedulers.boundedElastic()).cache();
                sending.subscribe();
                with.add(pages.run("文章页", articlePath, Duration.ZERO, window));
                accepted += sending.block().accepted();
            }

            Thread.sleep(3_000);
            long counted = columnViews(admin, base) - before;
            print(rate, run, sent, accepted, counted, without, with, ids.size());
        }
        finally {
            app.destroy();
            app.waitFor();
        }
    }

    /** The first reader number of a run of {@code seconds} at {@code rate}; no reader of one run repeats another's. */
    private static long next(long[] readers, int rate, long seconds) {
        long first = readers[0];
        readers[0] += rate * seconds;
        return first;
    }

    private static List<String> pageIds(String base, List<BenchmarkData.Template> templates, int items) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < Math.min(items, 20); n++) {
            BenchmarkData.Template t = templates.get(n % templates.size());
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/" + t.kind().path() + "/"
                    + t.slug() + "-" + n)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = REACH_ID.matcher(answer.body());
            if (answer.statusCode() == 200 && id.find()) {
                ids.add(id.group(1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("没有找到可计数的页面");
        }
        return ids;
    }

    private static long columnViews(BenchSupport.Session admin, String base) throws Exception {
        String json = admin.get(base + "/api/console/reach/figures?preset=year");
        Matcher views = Pattern.compile("\"columnViews\":(\\d+)").matcher(json);
        if (!views.find()) {
            throw new IllegalStateException("无法读取统计：" + json);
        }
        return Long.parseLong(views.group(1));
    }

    private static void print(int rate, Duration run, PipelinedPoster.Result sent, long accepted, long counted,
            List<LoadGenerator.Result> without, List<LoadGenerator.Result> with, int pagesCounted) {
        System.out.printf("%n计数请求：每秒 %,d 条，持续 %d 秒，分布在 %d 个页面，每条来自不同读者（本机 %d 核）%n", rate,
                run.toSeconds(), pagesCounted, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-24s %16s%n", "项目", "结果");
        row("已发送", String.format("%,d", sent.sent()));
        row("实际速率（条/秒）", String.format("%,.0f", sent.sent() / sent.seconds()));
        row("已接受（204）", String.format("%,d", sent.accepted()));
        row("出错", String.format("%,d", sent.errors()));
        row("计数请求 p50 毫秒", String.format("%.1f", sent.p50Millis()));
        row("计数请求 p99 毫秒", String.format("%.1f", sent.p99Millis()));
        row("全程已接受（含预热与对照）", String.format("%,d", accepted));
        row("全程计入统计", String.format("%,d", counted));
        row("全部计入", counted == accepted ? "是" : "否（差 " + (accepted - counted) + "）");
        // The page keeps getting faster for minutes (JIT, heap sizing), so each window with reports is compared with the
        // mean of the windows just before and after it, and the median of those changes is taken.
        double[] changes = java.util.stream.IntStream.range(0, with.size()).mapToDouble(i -> {
            double around = (without.get(i).requestsPerSecond() + without.get(i + 1).requestsPerSecond()) / 2;
            return (with.get(i).requestsPerSecond() - around) / around * 100;
        }).sorted().toArray();
        double median = changes.length % 2 == 1 ? changes[changes.length / 2]
                : (changes[changes.length / 2 - 1] + changes[changes.length / 2]) / 2;
        row("文章页 请求/秒变化（中位数）", String.format("%+.1f%%", median));
        row("文章页 各次变化", String.join(" ", java.util.Arrays.stream(changes).mapToObj(c -> String.format("%+.1f%%", c)).toList()));
        row("文章页 各时段 请求/秒", String.join(" ", java.util.stream.IntStream.range(0, without.size() + with.size())
                .mapToObj(w -> String.format("%s%.0f", w % 2 == 0 ? "无" : "有",
                        (w % 2 == 0 ? without.get(w / 2) : with.get(w / 2)).requestsPerSecond())).toList()));
        row("文章页 p99 毫秒（无/同时）", String.format("%.1f / %.1f",
                without.stream().mapToDouble(LoadGenerator.Result::p99Millis).max().orElse(Double.NaN),
                with.stream().mapToDouble(LoadGenerator.Result::p99Millis).max().orElse(Double.NaN)));
    }

    private static void row(String name, String value) {
        System.out.printf("%-24s %12s%n", name, value);
    }
}
