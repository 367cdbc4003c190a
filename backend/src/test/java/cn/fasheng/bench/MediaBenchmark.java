package cn.fasheng.bench;

import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

import cn.fasheng.media.transcode.LadderCommand;
import cn.fasheng.media.transcode.LadderPlan;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The media pipeline's two targets, against the running jar (started here with {@code -Xmx256m}) on an S3 server
 * started here: (a) ladder wall time through the application vs the same work as bare FFmpeg commands, one
 * decode for the ladder vs one decode per rung, on one 1080p source; (b) a 1 GB resumable upload: heap peak and
 * throughput vs the AWS SDK uploading the same file in the same parts straight to the same S3 server.
 * Run with {@code ./mvnw -Pbenchmark -DskipTests verify -Dbench.suite=media}; prints two tables
 * ({@code -Dbench.media.seconds=} source length, {@code -Dbench.media.upload-bytes=0} skips the upload).
 */
public final class MediaBenchmark {

    static final long PART = 8L * 1024 * 1024;

    private MediaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (!BenchSupport.selected("media")) {
            return;
        }
        Path root = Path.of(System.getProperty("fasheng.repo-root", "..")).toAbsolutePath().normalize();
        Path data = root.resolve("backend/target/bench-media");
        BenchSupport.deleteTree(data);
        Files.createDirectories(data.resolve("s3/fasheng"));
        int seconds = Integer.getInteger("bench.media.seconds", 30);
        long uploadBytes = Long.getLong("bench.media.upload-bytes", 1L << 30);
        String key = "benchaccess";
        String secret = "benchsecretbenchsecret";
        S3Proxy s3 = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(data.resolve("s3").toString()))
                .endpoint(URI.create("http://127.0.0.1:" + BenchSupport.freePort()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, key, secret).ignoreUnknownHeaders(true).build();
        s3.start();
        while (!"STARTED".equals(s3.getState())) {
            Thread.sleep(10);
        }
        String endpoint = "http://127.0.0.1:" + s3.getPort();
        App app = App.start(root, data, endpoint, key, secret);
        try {
            Ffmpeg ff = Ffmpeg.extracted();
            Path source = data.resolve("source-1080p.mp4");
            ff.run(data, List.of("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=" + seconds,
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds, "-c:v", "libx264", "-profile:v", "high",
                    "-pix_fmt", "yuv420p", "-preset", "veryfast", "-b:v", "8M", "-c:a", "aac", "-ac", "2", "-shortest",
                    "-movflags", "+faststart", source.toString()));
            ladderTable(app, ff, data, source, seconds);
            if (uploadBytes > 0) {
                uploadTable(app, data, endpoint, key, secret, uploadBytes);
            }
        }
        finally {
            app.stop();
            s3.stop();
        }
    }

    private static void ladderTable(App app, Ffmpeg ff, Path data, Path source, int seconds) throws Exception {
        var info = new cn.fasheng.media.MediaAsset.SourceInfo("mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv420p", "High", "aac",
                2, 1920, 1080, seconds, 30, 8_128_000);
        LadderPlan plan = LadderPlan.of(info, List.of(1080, 720, 480, 360), cn.fasheng.media.AssetKind.VIDEO);
        Path single = Files.createDirectories(data.resolve("bare-single"));
        long t0 = System.nanoTime();
        ff.run(single, LadderCommand.video(List.of(), "file:" + source, plan));
        double bareSingle = (System.nanoTime() - t0) / 1e9;

        Path perRung = Files.createDirectories(data.resolve("bare-per-rung"));
        t0 = System.nanoTime();
        for (LadderPlan.Rung rung : plan.rungs()) {
            LadderPlan one = new LadderPlan(List.of(rung), plan.frameRate());
            ff.run(perRung, LadderCommand.video(List.of(), "file:" + source, one));
        }
        double barePerRung = (System.nanoTime() - t0) / 1e9;

        // A warm application, as in service: one short clip first (JIT, connection pools).
        Path warmUp = data.resolve("warm-up.mp4");
        ff.run(data, List.of("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=5", "-c:v", "libx264",
                "-preset", "veryfast", "-pix_fmt", "yuv420p", warmUp.toString()));
        app.uploadAndProcess(warmUp);
        AppTimes through = app.uploadAndProcess(source);
        System.out.println();
        System.out.printf("(a) 1080p 转码阶梯（%d 秒 1920×1080 H.264/AAC 源，阶梯 %s）%n", seconds,
                plan.rungs().stream().map(LadderPlan.Rung::label).toList());
        System.out.println("| 方式 | 墙钟时间 |");
        System.out.println("|---|---|");
        System.out.printf("| 应用内：上传完成到可播放（读取、校验、探测、转码、HLS、封面、存储） | %.1f s |%n", through.totalSeconds());
        System.out.printf("| 其中各阶段（应用日志） | %s |%n", through.stages());
        System.out.printf("| 裸 FFmpeg：一次解码，同一命令 | %.1f s |%n", bareSingle);
        System.out.printf("| 裸 FFmpeg：每档单独解码（PeerTube 方式） | %.1f s |%n", barePerRung);
    }

    private static void uploadTable(App app, Path data, String endpoint, String key, String secret, long bytes)
            throws Exception {
        Path file = data.resolve("upload-1g.mp4");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] block = new byte[1 << 20];
            new java.util.Random(1).nextBytes(block);
            System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 0, block, 0, 12);
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
        app.heapSamplerReset();
        long t0 = System.nanoTime();
        app.tusUpload(file, "一GB上传测试.mp4");
        double appSeconds = (System.nanoTime() - t0) / 1e9;
        long heapPeak = app.heapPeak();

        S3AsyncClient sdk = S3AsyncClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .forcePathStyle(true).build();
        t0 = System.nanoTime();
        String objectKey = "bench/direct-" + System.nanoTime();
        String uploadId = sdk.createMultipartUpload(b -> b.bucket("fasheng").key(objectKey)).join().uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        try (var channel = Files.newByteChannel(file)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) PART);
            for (int n = 1; channel.read(buffer.clear()) > 0 || buffer.position() > 0; n++) {
                buffer.flip();
                int number = n;
                long length = buffer.remaining();
                String etag = sdk.uploadPart(b -> b.bucket("fasheng").key(objectKey).uploadId(uploadId).partNumber(number)
                        .contentLength(length), AsyncRequestBody.fromByteBuffer(buffer)).join().eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                if (length < PART) {
                    break;
                }
            }
        }
        sdk.completeMultipartUpload(b -> b.bucket("fasheng").key(objectKey).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts))).join();
        double sdkSeconds = (System.nanoTime() - t0) / 1e9;
        sdk.close();
        double mb = bytes / 1048576.0;
        System.out.println();
        System.out.printf("(b) %.0f MB 断点续传上传（应用 JVM -Xmx256m，分片 8 MB）%n", mb);
        System.out.println("| 方式 | 用时 | 吞吐 | 应用堆峰值 |");
        System.out.println("|---|---|---|---|");
        System.out.printf("| 经应用（tus → S3 分片） | %.1f s | %.0f MB/s | %.0f MB |%n", appSeconds, mb / appSeconds,
                heapPeak / 1048576.0);
        System.out.printf("| AWS SDK 直接分片上传到同一 S3 | %.1f s | %.0f MB/s | — |%n", sdkSeconds, mb / sdkSeconds);
    }

    record AppTimes(String stages, double totalSeconds) {
    }

    /**
     * The application as a separate JVM. Its heap is read from its GC log (the heap is at its fullest just
     * before each collection), which costs the application nothing, unlike polling it with jstat.
     */
    static final class App {

        private final Process process;
        private final Path log;
        private final String base;
        private final BenchSupport.Session session;
        private long gcLinesBefore;

        private App(Process process, Path log, String base, BenchSupport.Session session) {
            this.process = process;
            this.log = log;
            this.base = base;
            this.session = session;
        }

        static App start(Path root, Path data, String s3, String key, String secret) throws Exception {
            int port = BenchSupport.freePort();
            Path log = data.resolve("app.log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Xlog:gc:file=" + data.resolve("gc.log"), "-jar", root.resolve("backend/target/fasheng.jar").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("FASHENG_DATA_DIR", data.resolve("app").toString());
            builder.environment().put("FASHENG_PORT", String.valueOf(port));
            builder.environment().put("FASHENG_ADMIN_PASSWORD", "benchmark-admin-password");
            builder.environment().put("FASHENG_SEED_DEMO", "false");
            builder.environment().put("FASHENG_JOBS_POLL_INTERVAL", "500ms");
            builder.environment().put("FASHENG_S3_ENDPOINT", s3);
            builder.environment().put("FASHENG_S3_ACCESS_KEY", key);
            builder.environment().put("FASHENG_S3_SECRET_KEY", secret);
            Process process = builder.start();
            BenchSupport.waitUntilReady(port, process, log);
            String base = "http://127.0.0.1:" + port;
            return new App(process, log, base, BenchSupport.Session.login(base, "admin", "benchmark-admin-password"));
        }

        AppTimes uploadAndProcess(Path file) throws Exception {
            String id = tusUpload(file, "阶梯测试.mp4");
            long t0 = System.nanoTime();
            while (true) {
                String json = session.get(base + "/api/console/media/" + id);
                String state = BenchSupport.jsonField(json, "state");
                if ("READY".equals(state)) {
                    double total = (System.nanoTime() - t0) / 1e9;
                    // The run logs its stage times just after it publishes.
                    for (int i = 0; i < 100; i++) {
                        String stages = Files.readAllLines(log).stream().filter(l -> l.contains(id) && l.contains("各阶段用时"))
                                .map(l -> l.substring(l.indexOf("各阶段用时：") + 6)).findFirst().orElse(null);
                        if (stages != null) {
                            return new AppTimes(stages, total);
                        }
                        Thread.sleep(100);
                    }
                    return new AppTimes("（日志中没有各阶段用时）", total);
                }
                if ("FAILED".equals(state) || "REJECTED".equals(state)) {
                    throw new IllegalStateException("处理失败：" + json);
                }
                // As often as the console's progress events.
                Thread.sleep(1000);
            }
        }

        String tusUpload(Path file, String name) throws Exception {
            long size = Files.size(file);
            String metadata = "filename " + java.util.Base64.getEncoder().encodeToString(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    + ",kind VklERU8=";
            HttpResponse<String> created = session.send(HttpRequest.newBuilder(URI.create(base + "/api/console/media/uploads"))
                    .header("Tus-Resumable", "1.0.0").header("Upload-Length", Long.toString(size))
                    .header("Upload-Metadata", metadata).POST(HttpRequest.BodyPublishers.noBody()));
            String id = created.headers().firstValue("Fasheng-Asset-Id").orElseThrow(() ->
                    new IllegalStateException("创建上传失败：" + created.statusCode() + " " + created.body()));
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                byte[] chunk = new byte[(int) PART];
                for (long offset = 0; offset < size; offset += PART) {
                    int length = (int) Math.min(PART, size - offset);
                    in.seek(offset);
                    in.readFully(chunk, 0, length);
                    HttpResponse<String> patched = session.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/console/media/uploads/" + id))
                            .header("Tus-Resumable", "1.0.0").header("Upload-Offset", Long.toString(offset))
                            .header("Content-Type", "application/offset+octet-stream")
                            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk, 0, length)));
                    if (patched.statusCode() != 204) {
                        throw new IllegalStateException("上传分片失败：" + patched.statusCode() + " " + patched.body());
                    }
                }
            }
            return id;
        }

        void heapSamplerReset() throws java.io.IOException {
            gcLinesBefore = gcLog().size();
        }

        /** The largest heap occupancy before a collection since the last reset, from lines like "180M->21M(256M)". */
        long heapPeak() throws java.io.IOException {
            java.util.regex.Pattern sizes = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
            long peak = 0;
            List<String> lines = gcLog();
            for (String line : lines.subList((int) Math.min(gcLinesBefore, lines.size()), lines.size())) {
                java.util.regex.Matcher m = sizes.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)) << 20);
                }
            }
            return peak;
        }

        private List<String> gcLog() throws java.io.IOException {
            Path gc = log.resolveSibling("gc.log");
            return Files.exists(gc) ? Files.readAllLines(gc) : List.of();
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    /** The bundled ffmpeg, as extracted to the JavaCPP cache by the application. */
    record Ffmpeg(String program, String libraryPath) {

        static Ffmpeg extracted() throws Exception {
            Path cache = Path.of(System.getProperty("user.home"), ".javacpp", "cache");
            Path program;
            Path pulse;
            try (var files = Files.walk(cache)) {
                program = files.filter(p -> p.getFileName().toString().equals("ffmpeg") && Files.isRegularFile(p))
                        .findFirst().orElseThrow(() -> new IllegalStateException("未找到应用解压的 ffmpeg"));
            }
            try (var files = Files.walk(cache)) {
                pulse = files.filter(p -> p.getFileName().toString().equals("libpulse.so.0")).findFirst().orElse(null);
            }
            return new Ffmpeg(program.toString(), program.getParent() + (pulse == null ? "" : ":" + pulse.getParent()));
        }

        void run(Path dir, List<String> args) throws Exception {
            List<String> command = new ArrayList<>(List.of(program, "-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().put("LD_LIBRARY_PATH", libraryPath);
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg 失败：" + output);
            }
        }
    }
}
