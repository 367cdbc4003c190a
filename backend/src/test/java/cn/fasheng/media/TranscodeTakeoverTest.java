package cn.fasheng.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.platform.ffmpeg.FfmpegBinaries;
import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.platform.storage.S3Endpoint;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.OtherInstance;
import cn.fasheng.support.MediaFixtures;
import cn.fasheng.support.TusUploads;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker dies in the middle of a transcode: after its lease expires another instance takes the job over and
 * finishes it, and exactly one set of renditions exists. The worker is a process of its own, killed with
 * SIGKILL together with its FFmpeg, so it hands nothing back.
 */
@FashengAppTest
@TestPropertySource(properties = {"fasheng.jobs.lease=3s", "fasheng.jobs.poll-interval=300ms"})
class TranscodeTakeoverTest {

    @Autowired
    WebTestClient http;

    @Autowired
    MongoConnectionDetails mongo;

    @Autowired
    S3Endpoint s3;

    @Autowired
    BlobStorage storage;

    @Autowired
    FfmpegBinaries ffmpeg;

    @Autowired
    ReactiveMongoTemplate template;

    @Autowired
    List<SmartLifecycle> lifecycles;

    @Test
    void anotherWorkerFinishesTheJobOfOneThatDied(@TempDir Path dir) throws Exception {
        SmartLifecycle survivorRunner = lifecycles.stream()
                .filter(l -> l.getClass().getSimpleName().equals("JobRunner")).findFirst().orElseThrow();
        survivorRunner.stop();
        ConsoleClient editor = ConsoleClient.admin(http);
        byte[] source = Files.readAllBytes(MediaFixtures.mpeg4Avi(ffmpeg, dir, 1280, 720, 20));
        String id;
        long deadFence;
        Process dying = OtherInstance.startProcess(mongo, s3, "fasheng.jobs.lease=3s", "fasheng.jobs.poll-interval=200ms",
                "fasheng.content.seed-demo=false");
        try {
            id = TusUploads.upload(editor, "接手.avi", source, "VIDEO", 8 * 1024 * 1024);
            JsonNode status = awaitTranscoding(editor, id);
            assertThat(status.get("stage").asString()).isEqualTo("转码");
            deadFence = template.findById(id, MediaAsset.class).block().runFence();
        }
        finally {
            OtherInstance.kill(dying);
        }
        MediaAsset orphaned = template.findById(id, MediaAsset.class).block();
        assertThat(orphaned.state()).as("the dead worker left its asset in progress").isEqualTo(AssetState.PROCESSING);

        survivorRunner.start();
        JsonNode done = TusUploads.awaitFinal(editor, id, Duration.ofSeconds(120));
        assertThat(done.get("state").asString()).isEqualTo("READY");
        MediaAsset ready = template.findById(id, MediaAsset.class).block();
        assertThat(ready.runFence()).isGreaterThan(deadFence);
        assertThat(ready.output().renditions()).extracting(AssetOutput.Rendition::label)
                .containsExactly("720p", "480p", "360p");
        Set<String> runs = storage.list(AssetKeys.prefix(id)).map(o -> String.valueOf(AssetKeys.runOf(o.key())))
                .filter(run -> !run.equals("null")).collect(Collectors.toSet()).block();
        assertThat(runs).containsExactly(ready.output().prefix());
        for (AssetOutput.Rendition rendition : ready.output().renditions()) {
            assertThat(storage.exists(rendition.key()).block()).isTrue();
        }
    }

    private JsonNode awaitTranscoding(ConsoleClient editor, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = editor.get("/api/console/media/" + id).expectStatus(200).json().get("status");
            if ("PROCESSING".equals(status.get("state").asString()) && status.get("percent").asInt() >= 15) {
                return status;
            }
            assertThat(status.get("state").asString()).isNotEqualTo("READY");
            Thread.sleep(100);
        }
        throw new AssertionError("the first worker never got into the transcode");
    }
}
