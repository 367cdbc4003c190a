package cn.fasheng.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The column's public pages under load, against the running jar on the embedded default with 10,000 published
 * items, each next to the same server returning a static file of the same size. Run with
 * {@code ./mvnw -Pbenchmark -DskipTests verify}; prints a table.
 */
public final class ColumnBenchmark {

    private ColumnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!BenchSupport.selected("column")) {
            return;
        }
        Path root = Path.of(System.getProperty("fasheng.repo-root", "..")).toAbsolutePath().normalize();
        int items = Integer.getInteger("bench.items", 10_000);
        int connections = Integer.getInteger("bench.connections", 16);
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 5));
        Duration measure = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));
        Path jar = root.resolve("backend/target/fasheng.jar");
        Path data = root.resolve("backend/target/bench-data");
        BenchSupport.deleteTree(data);

        long seeding = System.nanoTime();
        List<BenchmarkData.Template> templates = BenchmarkData.seed(data, root.resolve("media-samples/demo"), items);
        System.out.printf("已写入 %,d 条已发布内容（%.1f 秒）%n", items, (System.nanoTime() - seeding) / 1e9);

        int port = BenchSupport.freePort();
        Path log = data.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FASHENG_DATA_DIR", data.toString());
        builder.environment().put("FASHENG_PORT", String.valueOf(port));
        builder.environment().put("FASHENG_ADMIN_PASSWORD", "benchmark-admin-password");
        builder.environment().put("FASHENG_SEED_DEMO", "false");
        Process app = builder.start();
        try {
            BenchSupport.waitUntilReady(port, app, log);
        }
        catch (Exception e) {
            app.destroy();
            throw e;
        }
        String base = "http://127.0.0.1:" + port;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("首页 /", "/");
        pages.put("文章页", "/articles/" + templates.get(0).slug() + "-" + (items / 2 / templates.size() * templates.size()));
        pages.put("专题列表页", "/topics/civil-code");
        pages.put("搜索 民法典 邻居", "/search?q=" + java.net.URLEncoder.encode("民法典 邻居", java.nio.charset.StandardCharsets.UTF_8));
        List<String[]> rows = new ArrayList<>();
        try {
            LoadGenerator load = new LoadGenerator(base, connections);
            Files.createDirectories(data.resolve("public"));
            int n = 0;
            for (Map.Entry<String, String> page : pages.entrySet()) {
                byte[] body = fetch(base + page.getValue());
                String staticName = "bench-static-" + (n++) + ".html";
                Files.write(data.resolve("public").resolve(staticName), body);
                LoadGenerator.Result dynamic = load.run(page.getKey(), page.getValue(), warmUp, measure);
                LoadGenerator.Result file = load.run("静态文件", "/" + staticName, warmUp, measure);
                rows.add(row(dynamic));
                rows.add(row(new LoadGenerator.Result("  同样大小的静态文件", file.bytes(), file.requestsPerSecond(),
                        file.p50Millis(), file.p99Millis(), file.errors())));
            }
        }
        finally {
            app.destroy();
            app.waitFor();
        }
        System.out.printf("%n%,d 条已发布内容，%d 个并发连接，每项预热 %d 秒、测量 %d 秒（本机 %d 核）%n", items, connections,
                warmUp.toSeconds(), measure.toSeconds(), Runtime.getRuntime().availableProcessors());
        String header = String.format("%-22s %10s %10s %10s %10s %6s", "页面", "字节", "请求/秒", "p50 毫秒", "p99 毫秒", "错误");
        System.out.println(header);
        rows.forEach(r -> System.out.println(String.format("%-22s %10s %10s %10s %10s %6s", (Object[]) r)));
    }

    private static String[] row(LoadGenerator.Result r) {
        return new String[] {r.name(), String.format("%,d", r.bytes()), String.format("%,.0f", r.requestsPerSecond()),
            String.format("%.1f", r.p50Millis()), String.format("%.1f", r.p99Millis()), String.valueOf(r.errors())};
    }

    private static byte[] fetch(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + response.statusCode());
        }
        return response.body();
    }

}
