package cn.fasheng.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

import cn.fasheng.platform.embedded.EmbeddedMongo;
import cn.fasheng.publishing.fake.FakeBilibili;
import cn.fasheng.publishing.fake.FakeWechat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 1,000 posts due at once (500 micro-videos, each to Bilibili and WeChat), two application instances (separate JVMs
 * on one MongoDB and one object store), fake channels answering after 50 ms: how long until every post is out, and
 * how many remote archives or publications there are beyond one per post (must be 0).
 * Run with {@code ./mvnw -Pbenchmark -DskipTests verify -Dbench.suite=publishing}.
 */
public final class PublishingBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "benchmark-admin-password";

    private PublishingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!BenchSupport.selected("publishing")) {
            return;
        }
        int items = Integer.getInteger("bench.publishing.items", 500);
        int latencyMs = Integer.getInteger("bench.publishing.latency-ms", 50);
        Path root = Path.of(System.getProperty("fasheng.repo-root", "..")).toAbsolutePath().normalize();
        Path data = root.resolve("backend/target/bench-publishing");
        BenchSupport.deleteTree(data);
        Files.createDirectories(data.resolve("s3/fasheng"));
        S3Proxy s3 = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(data.resolve("s3").toString()))
                .endpoint(URI.create("http://127.0.0.1:" + BenchSupport.freePort()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "benchaccess", "benchsecretbenchsecret")
                .ignoreUnknownHeaders(true).build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) {
            Thread.sleep(10);
        }
        EmbeddedMongo mongo = EmbeddedMongo.acquire(data.resolve("mongo/fasheng.mv"));
        FakeBilibili bili = FakeBilibili.start();
        FakeWechat wechat = FakeWechat.start();
        bili.autoOpen(true);
        List<Process> apps = new ArrayList<>();
        try {
            Map<String, String> env = Map.ofEntries(
                    Map.entry("FASHENG_MONGODB_URI", mongo.uri("fasheng")),
                    Map.entry("FASHENG_S3_ENDPOINT", "http://127.0.0.1:" + s3.getPort()),
                    Map.entry("FASHENG_S3_ACCESS_KEY", "benchaccess"), Map.entry("FASHENG_S3_SECRET_KEY", "benchsecretbenchsecret"),
                    Map.entry("FASHENG_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32])),
                    Map.entry("FASHENG_ADMIN_PASSWORD", PASSWORD), Map.entry("FASHENG_SEED_DEMO", "false"),
                    Map.entry("FASHENG_JOBS_POLL_INTERVAL", "500ms"),
                    Map.entry("FASHENG_BILIBILI_API_URL", bili.baseUrl()), Map.entry("FASHENG_BILIBILI_UPLOAD_URL", bili.baseUrl()),
                    Map.entry("FASHENG_BILIBILI_TOKEN_URL", bili.baseUrl()),
                    Map.entry("FASHENG_BILIBILI_CONSENT_URL", bili.baseUrl() + "/pc/account-pc/auth/oauth"),
                    Map.entry("FASHENG_WECHAT_API_URL", wechat.baseUrl()));
            List<String> bases = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int port = BenchSupport.freePort();
                Path log = data.resolve("app-" + i + ".log");
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m", "-jar", root.resolve("backend/target/fasheng.jar").toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().putAll(env);
                builder.environment().put("FASHENG_DATA_DIR", data.resolve("app-" + i).toString());
                builder.environment().put("FASHENG_PORT", String.valueOf(port));
                Process app = builder.start();
                apps.add(app);
                BenchSupport.waitUntilReady(port, app, log);
                bases.add("http://127.0.0.1:" + port);
            }
            String base = bases.get(0);
            BenchSupport.Session admin = BenchSupport.Session.login(base, "admin", PASSWORD);
            send(admin, "POST", base + "/api/console/users", Map.of("username", "bench.reviewer", "displayName", "审核",
                    "password", PASSWORD + "-r", "roles", List.of("REVIEWER")), 201);
            BenchSupport.Session reviewer = BenchSupport.Session.login(base, "bench.reviewer", PASSWORD + "-r");
            connect(admin, base, bili);

            String asset = uploadClip(admin, base, data);
            List<String> contents = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                String id = send(admin, "POST", base + "/api/console/contents", Map.of("kind", "VIDEO", "title",
                        "普法微视频第" + (i + 1) + "期", "summary", "压力测试", "tags", List.of("普法"), "mediaAssetId", asset,
                        "body", "<p>说明</p>"), 201).get("id").asString();
                send(admin, "POST", base + "/api/console/contents/" + id + "/submit", null, 200);
                send(reviewer, "POST", base + "/api/console/contents/" + id + "/approve", Map.of(), 200);
                send(reviewer, "POST", base + "/api/console/contents/" + id + "/publish", null, 200);
                contents.add(id);
            }
            bili.latency(Duration.ofMillis(latencyMs));
            wechat.latency(Duration.ofMillis(latencyMs));
            Instant due = Instant.now().plusSeconds(20);
            for (int from = 0; from < contents.size(); from += 200) {
                JsonNode outcomes = send(admin, "POST", base + "/api/console/channel-posts/bulk", Map.of("contentIds",
                        contents.subList(from, Math.min(contents.size(), from + 200)), "channels", List.of("BILIBILI", "WECHAT"),
                        "start", due.toString(), "intervalMinutes", 0), 200);
                for (JsonNode o : outcomes) {
                    if (!o.get("scheduled").asBoolean()) {
                        throw new IllegalStateException("排期失败：" + o);
                    }
                }
            }
            int posts = contents.size() * 2;
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()));
            long t0 = System.nanoTime();
            int published = 0;
            while (published < posts) {
                Thread.sleep(500);
                JsonNode list = send(admin, "GET", base + "/api/console/channel-posts?from=" + due.minusSeconds(60) + "&to="
                        + due.plusSeconds(60), null, 200);
                published = 0;
                for (JsonNode post : list) {
                    String state = post.get("state").asString();
                    if (state.equals("PUBLISHED")) {
                        published++;
                    }
                    else if (state.equals("FAILED") || state.equals("HELD")) {
                        throw new IllegalStateException("发布失败：" + post);
                    }
                }
                if ((System.nanoTime() - t0) > Duration.ofMinutes(20).toNanos()) {
                    throw new IllegalStateException("20 分钟内未发完：" + published + "/" + posts);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int archives = bili.archives().size();
            int publications = wechat.publications().size();
            int duplicates = (archives - distinct(bili.archives().stream().map(FakeBilibili.Archive::title).toList()))
                    + (publications - distinct(wechat.publications().stream().map(FakeWechat.Publication::title).toList()));
            System.out.println();
            System.out.println("渠道发布基准（两个实例，假渠道每次响应延迟 " + latencyMs + " ms）");
            System.out.println("| 到期发布 | 实例 | 全部发完用时 | 每秒发完 | B站稿件 | 公众号发布 | 重复 | B站签名错误 |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            System.out.printf("| %d | 2 | %.1f s | %.1f | %d | %d | %d | %d |%n", posts, seconds, posts / seconds, archives,
                    publications, duplicates, bili.signatureFailures());
        }
        finally {
            for (Process app : apps) {
                app.destroy();
                app.waitFor();
            }
            bili.close();
            wechat.close();
            mongo.release();
            s3.stop();
        }
    }

    private static void connect(BenchSupport.Session admin, String base, FakeBilibili bili) throws Exception {
        send(admin, "PUT", base + "/api/console/channels/wechat", Map.of("appId", FakeWechat.APP_ID, "appSecret",
                FakeWechat.APP_SECRET), 200);
        String consent = send(admin, "PUT", base + "/api/console/channels/bilibili", Map.of("appId", FakeBilibili.CLIENT_ID,
                "appSecret", FakeBilibili.APP_SECRET), 200).get("url").asString();
        String state = java.net.URLDecoder.decode(consent.replaceAll(".*[?&]state=([^&]*).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> back = admin.send(HttpRequest.newBuilder(URI.create(base
                + "/api/console/channels/bilibili/callback?code=" + bili.issueCode() + "&state="
                + java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8))).GET());
        if (back.statusCode() != 303 || !back.headers().firstValue("Location").orElse("").contains("connected")) {
            throw new IllegalStateException("B 站授权失败：" + back.statusCode() + " " + back.headers().map());
        }
    }

    private static JsonNode send(BenchSupport.Session session, String method, String url, Object body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = session.send(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " → " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** A 5 s 640×360 clip through the resumable upload, processed until playable. */
    private static String uploadClip(BenchSupport.Session admin, String base, Path data) throws Exception {
        Path clip = data.resolve("clip.mp4");
        MediaBenchmark.Ffmpeg.extracted().run(data, List.of("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=5",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=5", "-c:v", "libx264", "-profile:v", "high", "-pix_fmt",
                "yuv420p", "-preset", "veryfast", "-c:a", "aac", "-shortest", "-movflags", "+faststart", clip.toString()));
        byte[] bytes = Files.readAllBytes(clip);
        String metadata = "filename " + java.util.Base64.getEncoder().encodeToString("基准.mp4".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) + ",kind VklERU8=";
        HttpResponse<String> created = admin.send(HttpRequest.newBuilder(URI.create(base + "/api/console/media/uploads"))
                .header("Tus-Resumable", "1.0.0").header("Upload-Length", Integer.toString(bytes.length))
                .header("Upload-Metadata", metadata).POST(HttpRequest.BodyPublishers.noBody()));
        String id = created.headers().firstValue("Fasheng-Asset-Id").orElseThrow(() ->
                new IllegalStateException("创建上传失败：" + created.statusCode() + " " + created.body()));
        HttpResponse<String> patched = admin.send(HttpRequest.newBuilder(URI.create(base + "/api/console/media/uploads/" + id))
                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
        if (patched.statusCode() != 204) {
            throw new IllegalStateException("上传失败：" + patched.statusCode() + " " + patched.body());
        }
        for (int i = 0; i < 600; i++) {
            String state = BenchSupport.jsonField(admin.get(base + "/api/console/media/" + id), "state");
            if ("READY".equals(state)) {
                return id;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("视频未能处理完成");
    }

    private static int distinct(List<String> titles) {
        Set<String> seen = new HashSet<>(titles);
        return seen.size();
    }
}
