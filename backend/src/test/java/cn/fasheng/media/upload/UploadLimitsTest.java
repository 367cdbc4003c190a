package cn.fasheng.media.upload;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.media.AssetKeys;
import cn.fasheng.media.MediaAsset;
import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import cn.fasheng.support.TusUploads;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Size limits, the per-user quota, and abandoned uploads being cleaned away with all their parts. */
@FashengAppTest
@TestPropertySource(properties = {"fasheng.media.user-quota=20MB", "fasheng.media.max-file-size=16MB",
        "fasheng.content.seed-demo=false"})
class UploadLimitsTest {

    static final int PART = 8 * 1024 * 1024;

    @Autowired
    WebTestClient http;

    @Autowired
    BlobStorage storage;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MediaCleanupJob cleanup;

    @Test
    void filesAboveTheLimitAndUploadsBeyondTheQuotaAreRefusedUpFront() {
        ConsoleClient editor = TestUsers.create(http, "quota.editor", "冯编辑", "EDITOR");
        JsonNode tooBig = TusUploads.create(editor, "大文件.mp4", 17L * 1024 * 1024, "VIDEO").expectStatus(413).json();
        assertThat(tooBig.get("detail").asString()).contains("文件不能超过 16.0 MB");

        String first = TusUploads.create(editor, "第一段.mp4", 12L * 1024 * 1024, "VIDEO").expectStatus(201)
                .headers().getFirst("Fasheng-Asset-Id");
        JsonNode overQuota = TusUploads.create(editor, "第二段.mp4", 9L * 1024 * 1024, "VIDEO").expectStatus(413).json();
        assertThat(overQuota.get("detail").asString()).contains("超出个人存储配额").contains("已用 12.0 MB");

        ConsoleClient other = TestUsers.create(http, "quota.other", "陈编辑", "EDITOR");
        TusUploads.create(other, "别人的.mp4", 9L * 1024 * 1024, "VIDEO").expectStatus(201);
        other.send(org.springframework.http.HttpMethod.PATCH, TusUploads.ENDPOINT + "/" + first,
                java.util.Map.of("Tus-Resumable", "1.0.0", "Upload-Offset", "0"), new byte[10],
                "application/offset+octet-stream").expectStatus(403);
        JsonNode settings = editor.get("/api/console/media/settings").expectStatus(200).json();
        assertThat(settings.get("usedBytes").asLong()).isEqualTo(12L * 1024 * 1024);
        assertThat(settings.get("partSize").asLong()).isEqualTo(PART);
    }

    @Test
    void abandonedUploadsAreAbortedWithTheirParts() {
        ConsoleClient editor = TestUsers.create(http, "abandon.editor", "褚编辑", "EDITOR");
        String id = TusUploads.create(editor, "半途而废.mp4", PART + 100L, "VIDEO").expectStatus(201)
                .headers().getFirst("Fasheng-Asset-Id");
        byte[] part = new byte[PART];
        System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p'}, 0, part, 0, 8);
        TusUploads.patch(editor, id, 0, part).expectStatus(204);
        String fresh = TusUploads.create(editor, "还在传.mp4", PART + 100L, "VIDEO").expectStatus(201)
                .headers().getFirst("Fasheng-Asset-Id");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("updatedAt", Instant.now().minus(25, ChronoUnit.HOURS)), MediaAsset.class).block();

        assertThat(cleanup.sweep().block()).isEqualTo(1L);

        assertThat(mongo.findById(id, MediaAsset.class).block()).isNull();
        assertThat(storage.pendingMultiparts().filter(p -> p.key().startsWith(AssetKeys.prefix(id))).collectList().block())
                .isEmpty();
        assertThat(storage.list(AssetKeys.prefix(id)).collectList().block()).isEmpty();
        assertThat(mongo.findById(fresh, MediaAsset.class).block()).as("an upload still in progress stays").isNotNull();
    }
}
