package cn.fasheng.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.SmartLifecycle;

import cn.fasheng.media.Sha256;
import cn.fasheng.platform.PlatformProperties;
import cn.fasheng.platform.storage.S3Endpoint;
import cn.fasheng.support.OtherInstance;
import cn.fasheng.platform.ffmpeg.FfmpegBinaries;
import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.publishing.fake.FakeBilibili;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FakeChannels;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import cn.fasheng.support.TusUploads;
import tools.jackson.databind.JsonNode;

/**
 * A micro-video goes to the (loopback) Bilibili Open Platform: 8 MB parts read from the object store, merge, cover,
 * submit, review; and every fault the contract warns about still ends in exactly one archive per scheduled post.
 */
@FashengAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BilibiliPublishingTest {

    static final String PART = "/video/v2/part/upload";
    static final String SUBMIT = "/arcopen/fn/archive/add-by-utoken";
    static final String INIT = "/arcopen/fn/archive/video/init";

    @Autowired
    WebTestClient http;

    @Autowired
    FfmpegBinaries ffmpeg;

    @Autowired
    BlobStorage storage;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    List<SmartLifecycle> lifecycles;

    @Autowired
    MongoConnectionDetails mongoDetails;

    @Autowired
    S3Endpoint s3;

    @Autowired
    PlatformProperties platform;

    @TempDir
    static Path dir;

    ConsoleClient admin;
    ConsoleClient editor;
    ConsoleClient reviewer;
    String assetId;
    JsonNode best;
    FakeBilibili bili = FakeChannels.bilibili();

    @BeforeAll
    void videoAndPeople() throws Exception {
        http = http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
        admin = ConsoleClient.admin(http);
        editor = TestUsers.create(http, "bili.editor", "钱编辑", "EDITOR");
        reviewer = TestUsers.create(http, "bili.reviewer", "孙审核", "REVIEWER");
        // 10 s of 1080p at 8 Mbit/s: its own rung is stream-copied, about 10 MB, so it goes up in two 8 MB parts.
        Path clip = dir.resolve("clip.mp4");
        Process p = new ProcessBuilder(ffmpeg.ffmpeg(), "-hide_banner", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=1920x1080:rate=30:duration=10", "-f", "lavfi", "-i", "sine=frequency=440:duration=10",
                "-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "high", "-pix_fmt", "yuv420p", "-b:v", "8M",
                "-minrate", "8M", "-maxrate", "8M", "-bufsize", "2M", "-x264-params", "nal-hrd=cbr", "-c:a", "aac",
                "-b:a", "128k", "-shortest", "-movflags", "+faststart", clip.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        assetId = TusUploads.upload(admin, "普法微视频.mp4", Files.readAllBytes(clip), "VIDEO", 8 * 1024 * 1024);
        JsonNode asset = TusUploads.awaitFinal(admin, assetId, Duration.ofMinutes(3));
        assertThat(asset.get("state").asString()).isEqualTo("READY");
        best = admin.get("/api/console/media/" + assetId).json().get("renditions").get(0);
        assertThat(best.get("size").asLong()).as("the best rendition needs more than one part").isGreaterThan(8 * 1024 * 1024);
    }

    @BeforeEach
    void freshChannel() {
        bili.reset();
        bili.autoOpen(true);
        mongo.remove(new Query(), ChannelPost.class).block();
        ChannelFixtures.connectBilibili(admin);
    }

    private String video(String title) {
        return ChannelFixtures.published(editor, reviewer, Map.of("kind", "VIDEO", "title", title, "summary", "普法微视频",
                "tags", List.of("普法"), "body", "<p>视频说明</p>", "mediaAssetId", assetId));
    }

    private String post(String title) {
        return ChannelFixtures.schedule(editor, video(title), "BILIBILI", ChannelFixtures.bilibiliFields(title), Instant.now());
    }

    @Test
    void theBestRenditionGoesUpInPartsAndTheArchiveOpens() throws Exception {
        String id = post("民法典里的相邻关系");
        JsonNode done = ChannelFixtures.awaitState(editor, id, "PUBLISHED", Duration.ofSeconds(60));
        assertThat(bili.archives()).hasSize(1);
        FakeBilibili.Archive archive = bili.archives().get(0);
        byte[] original = storage.get(keyOf(best)).block();
        assertThat(archive.size()).isEqualTo(original.length);
        assertThat(archive.sha256()).as("the merged upload is the stored rendition, byte for byte").isEqualTo(Sha256.hex(original));
        assertThat(bili.partUploads()).isEqualTo(2);
        assertThat(bili.signatureFailures()).isZero();
        assertThat(archive.title()).isEqualTo("民法典里的相邻关系");
        assertThat(archive.tag()).isEqualTo("普法,民法典");
        assertThat(archive.tid()).isEqualTo(124);
        assertThat(archive.cover()).startsWith("https://archive.biliimg.com/");
        assertThat(done.get("remoteId").asString()).isEqualTo(archive.resourceId());
        assertThat(done.get("remoteUrl").asString()).isEqualTo("https://www.bilibili.com/video/" + archive.resourceId());
        assertThat(done.get("history").toString()).contains("初始化上传", "合并分片", "上传封面", "提交稿件", "已发布");
    }

    @Test
    void aReviewEndsThroughTheWebhookAndARejectionSaysWhy() throws Exception {
        bili.autoOpen(false);
        String open = post("电信诈骗的常见套路");
        ChannelFixtures.awaitState(editor, open, "IN_REVIEW", Duration.ofSeconds(60));
        String rejected = post("遗嘱的几种形式");
        ChannelFixtures.awaitState(editor, rejected, "IN_REVIEW", Duration.ofSeconds(60));
        JsonNode echo = http.post().uri("/api/channels/bilibili/webhook").bodyValue(Map.of("event", "verify_webhooks",
                "content", Map.of("data", "ping-123"), "timestamp", 1)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(echo.get("data").asString()).isEqualTo("ping-123");

        List<FakeBilibili.Archive> archives = bili.archives();
        String openId = archives.stream().filter(a -> a.title().equals("电信诈骗的常见套路")).findFirst().orElseThrow().resourceId();
        String rejectedId = archives.stream().filter(a -> a.title().equals("遗嘱的几种形式")).findFirst().orElseThrow().resourceId();
        bili.openArchive(openId);
        bili.rejectArchive(rejectedId, "视频内容与分区不符");
        http.post().uri("/api/channels/bilibili/webhook").bodyValue(Map.of("event", "video_open",
                "content", Map.of("resource_id", openId), "timestamp", 1)).exchange().expectStatus().isOk();
        assertThat(ChannelFixtures.awaitState(editor, open, "PUBLISHED", Duration.ofSeconds(20)).get("remoteUrl").asString())
                .endsWith(openId);
        JsonNode no = ChannelFixtures.awaitState(editor, rejected, "REJECTED", Duration.ofSeconds(20));
        assertThat(no.get("failure").asString()).isEqualTo("视频内容与分区不符");
        assertThat(bili.archives()).hasSize(2);
        assertThat(no.get("removable").asBoolean()).isTrue();
        assertThat(no.get("editable").asBoolean()).isFalse();
        editor.delete("/api/console/channel-posts/" + rejected).expectStatus(204);
        assertThat(editor.post("/api/console/channel-posts", Map.of("contentId", no.get("contentId").asString(),
                "channel", "BILIBILI", "scheduledAt", Instant.now().plusSeconds(3600).toString(),
                "fields", ChannelFixtures.bilibiliFields("遗嘱的几种形式（修改后）"))).expectStatus(201).json()
                .get("state").asString()).as("a cleared rejection lets the item be posted again").isEqualTo("SCHEDULED");
    }

    @Test
    void aSubmitThatTimedOutAfterSucceedingIsFoundNotRepeated() throws Exception {
        bili.delayResponseNext(SUBMIT, Duration.ofSeconds(5));
        // The archive list lags behind the submit: the first look finds nothing, and that is no reason to submit again.
        bili.listingDelay(Duration.ofSeconds(6));
        String id = post("一次超时的投稿");
        JsonNode done = ChannelFixtures.awaitState(editor, id, "PUBLISHED", Duration.ofSeconds(60));
        assertThat(bili.archives()).as("exactly one archive for one scheduled post").hasSize(1);
        assertThat(bili.calls(SUBMIT)).isEqualTo(1);
        assertThat(done.get("history").toString()).contains("TIMEOUT", "不再重复提交");
        assertThat(editor.post("/api/console/channel-posts/" + id + "/reschedule", Map.of("scheduledAt",
                Instant.now().plusSeconds(600).toString())).expectStatus(409).json().get("detail").asString())
                .contains("已发布");
    }

    @Test
    void serverErrorsAndAnExpiredTokenMidUploadAreRetriedWithoutRepeatingWork() throws Exception {
        bili.httpErrorNext(PART, 502, 1);
        bili.onCall(PART, 3, bili::expireAccessTokens);
        String id = post("上传中途令牌过期");
        ChannelFixtures.awaitState(editor, id, "PUBLISHED", Duration.ofSeconds(60));
        assertThat(bili.archives()).hasSize(1);
        assertThat(bili.refreshCalls()).as("the expired token is renewed once").isEqualTo(1);
        assertThat(bili.refreshReuses()).isZero();
        assertThat(bili.calls(INIT)).as("the upload resumed with the same upload token").isEqualTo(1);
        assertThat(bili.partUploads()).isEqualTo(2);
    }

    @Test
    void aRateLimitIsRetriedNoSoonerThanItsRetryAfter() throws Exception {
        List<Instant> inits = new CopyOnWriteArrayList<>();
        bili.onCall(INIT, 1, () -> inits.add(Instant.now()));
        bili.onCall(INIT, 2, () -> inits.add(Instant.now()));
        bili.failNextWithRetryAfter(INIT, 127009, "请求过于频繁", Duration.ofSeconds(3));
        String id = post("限流之后的投稿");
        JsonNode done = ChannelFixtures.awaitState(editor, id, "PUBLISHED", Duration.ofSeconds(60));
        assertThat(Duration.between(inits.get(0), inits.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(done.get("history").toString()).contains("127009", "调用过于频繁");
        assertThat(bili.archives()).hasSize(1);
    }

    @Test
    void aRefusedRefreshTokenHoldsPostsUntilAnAdministratorReconnects() throws Exception {
        bili.expireAccessTokens();
        bili.failNext("/x/account-oauth2/v1/refresh_token", 122007, "refresh_token无效", 1);
        String id = post("等待重新授权的投稿");
        JsonNode held = ChannelFixtures.awaitState(editor, id, "HELD", Duration.ofSeconds(30));
        assertThat(held.get("failure").asString()).contains("重新授权");
        JsonNode account = ChannelFixtures.account(editor, "BILIBILI");
        assertThat(account.get("state").asString()).isEqualTo("NEEDS_REAUTH");
        assertThat(bili.archives()).isEmpty();

        ChannelFixtures.connectBilibili(admin);
        ChannelFixtures.awaitState(editor, id, "PUBLISHED", Duration.ofSeconds(60));
        assertThat(bili.archives()).hasSize(1);
    }

    @Test
    void everyBrokenLimitIsNamedAndNothingIsScheduled() {
        String content = video("限制检查");
        Map<String, Object> fields = ChannelFixtures.bilibiliFields("超".repeat(80));
        fields.put("tags", List.of());
        fields.put("copyright", 2);
        JsonNode problem = editor.post("/api/console/channel-posts", Map.of("contentId", content, "channel", "BILIBILI",
                "scheduledAt", Instant.now().toString(), "fields", fields)).expectStatus(400).json();
        List<String> named = new ArrayList<>();
        problem.get("errors").forEach(e -> named.add(e.get("field").asString()));
        assertThat(named).containsExactlyInAnyOrder("title", "tags", "source");
        assertThat(problem.get("detail").asString()).contains("标题有 80 个字，最多 79 个", "至少需要一个标签", "转载来源");
        String article = ChannelFixtures.published(editor, reviewer, Map.of("kind", "ARTICLE", "title", "文章不能投B站",
                "body", "<p>正文</p>"));
        assertThat(editor.post("/api/console/channel-posts", Map.of("contentId", article, "channel", "BILIBILI",
                "scheduledAt", Instant.now().toString(), "fields", ChannelFixtures.bilibiliFields("文章")))
                .expectStatus(400).json().get("detail").asString()).contains("B 站只接受视频");
        assertThat(mongo.count(new Query(), ChannelPost.class).block()).isZero();
    }

    @Test
    void aWorkerKilledMidUploadIsTakenOverAndTheVideoGoesUpOnce() throws Exception {
        SmartLifecycle runner = lifecycles.stream().filter(l -> l.getClass().getSimpleName().equals("JobRunner"))
                .findFirst().orElseThrow();
        runner.stop();
        bili.latency(PART, Duration.ofMillis(1500));
        List<String> settings = new ArrayList<>(FakeChannels.settings());
        settings.addAll(List.of("fasheng.jobs.lease=3s", "fasheng.jobs.poll-interval=200ms", "fasheng.content.seed-demo=false",
                "fasheng.secret-key=" + Files.readString(platform.dataDir().resolve("secret.key")).strip()));
        Process dying = OtherInstance.startProcess(mongoDetails, s3, settings.toArray(String[]::new));
        String id;
        try {
            id = post("断电之后的投稿");
            assertThat(bili.awaitCalls(PART, 1, Duration.ofSeconds(60))).as("the other worker started uploading").isTrue();
        }
        finally {
            OtherInstance.kill(dying);
            runner.start();
        }
        assertThat(bili.archives()).as("the dead worker never got to submit").isEmpty();
        JsonNode done = ChannelFixtures.awaitState(editor, id, "PUBLISHED", Duration.ofSeconds(90));
        assertThat(bili.archives()).hasSize(1);
        assertThat(bili.archives().get(0).sha256()).isEqualTo(Sha256.hex(storage.get(keyOf(best)).block()));
        assertThat(bili.calls(INIT)).as("the survivor resumed the dead worker's upload").isEqualTo(1);
        assertThat(done.get("history").toString()).contains("已发布");
    }

    private static String keyOf(JsonNode rendition) {
        String url = rendition.get("url").asString();
        return url.substring(url.indexOf("/media/") + "/media/".length());
    }
}
