package cn.fasheng.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.media.transcode.MediaProbe;
import cn.fasheng.media.transcode.MediaRejectedException;
import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TusUploads;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hostile corpus in {@code src/test/resources/media/bad}: every file is refused with a reason an editor
 * understands, and nothing of it remains in the object store or the database.
 */
@FashengAppTest
class BadUploadsTest {

    @Autowired
    WebTestClient http;

    @Autowired
    BlobStorage storage;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MediaProbe probe;

    ConsoleClient editor;

    @BeforeEach
    void login() {
        editor = ConsoleClient.admin(http);
    }

    @Test
    void anEmptyFileIsRefusedBeforeAnythingIsStored() {
        JsonNode problem = TusUploads.create(editor, "zero-bytes.mp4", 0, "VIDEO").expectStatus(400).json();
        assertThat(problem.get("detail").asString()).contains("空文件");
    }

    @ParameterizedTest
    @CsvSource({
            "text-named.mp4, VIDEO, 不是",
            "hls-playlist.mp4, VIDEO, 不是",
            "concat.mp4, VIDEO, 不是"})
    void filesThatAreNotVideosAreRefusedOnTheirFirstBytes(String name, String kind, String reason) throws IOException {
        byte[] content = corpus(name);
        String id = TusUploads.create(editor, name, content.length, kind).expectStatus(201)
                .headers().getFirst("Fasheng-Asset-Id");
        JsonNode problem = TusUploads.patch(editor, id, 0, content).expectStatus(415).json();
        assertThat(problem.get("detail").asString()).contains(reason).contains(name);
        assertNothingRemains(id);
    }

    @ParameterizedTest
    @CsvSource({
            "truncated.mp4, VIDEO, 无法识别文件内容",
            "hls-in-avi.avi, VIDEO, 没有视频画面",
            "pixel-flood.png, ANIMATION, 画面尺寸"})
    void filesThatLookRightButProbeWrongAreRejectedAndRemoved(String name, String kind, String reason) throws Exception {
        String id = TusUploads.upload(editor, name, corpus(name), kind, 8 * 1024 * 1024);
        JsonNode status = TusUploads.awaitFinal(editor, id, Duration.ofSeconds(60));
        assertThat(status.get("state").asString()).isEqualTo("REJECTED");
        assertThat(status.get("failure").asString()).contains(name).contains("已拒收").contains(reason);
        assertNothingRemains(id);
    }

    @Test
    void aPixelFloodImageIsRefusedFromItsHeader() throws IOException {
        JsonNode problem = editor.upload("/api/console/uploads/images", "pixel-flood.png", corpus("pixel-flood.png"))
                .expectStatus(422).json();
        assertThat(problem.get("detail").asString()).contains("30000×30000").contains("超出上限");
    }

    /** Defence in depth: even if a playlist got past the first-bytes check, the hardened probe refuses it. */
    @ParameterizedTest
    @CsvSource({"hls-playlist.mp4", "concat.mp4", "text-named.mp4", "zero-bytes.mp4", "truncated.mp4"})
    void theHardenedProbeRefusesPlaylistsAndBrokenFilesOnItsOwn(String name, @TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("source"), corpus(name));
        assertThatThrownBy(() -> probe.probe(file, AssetKind.VIDEO)).isInstanceOf(MediaRejectedException.class);
    }

    private void assertNothingRemains(String id) {
        assertThat(storage.list(AssetKeys.prefix(id)).collectList().block()).isEmpty();
        assertThat(storage.pendingMultiparts().filter(p -> p.key().startsWith(AssetKeys.prefix(id))).collectList().block())
                .isEmpty();
        assertThat(mongo.findById(id, MediaAsset.class).block()).isNull();
        editor.get("/api/console/media/" + id).expectStatus(404);
    }

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = BadUploadsTest.class.getResourceAsStream("/media/bad/" + name)) {
            return in.readAllBytes();
        }
    }
}
