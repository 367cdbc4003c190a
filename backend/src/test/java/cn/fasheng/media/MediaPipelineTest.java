package cn.fasheng.media;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.platform.ffmpeg.FfmpegBinaries;
import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.platform.storage.StoredKey;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.MediaFixtures;
import cn.fasheng.support.TusUploads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads through tus, then the whole pipeline on the embedded servers with the bundled FFmpeg: the ladder,
 * HLS, poster, thumbnails and captions come out as a viewer needs them, checked with ffprobe.
 */
@FashengAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaPipelineTest {

    static final int PART = 8 * 1024 * 1024;
    static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    WebTestClient http;

    @Autowired
    FfmpegBinaries ffmpeg;

    @Autowired
    BlobStorage storage;

    @TempDir
    Path dir;

    ConsoleClient editor;

    @BeforeAll
    void login() {
        http = http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
        editor = ConsoleClient.admin(http);
    }

    @Test
    void landscapeClipBecomesTheLadderWithHlsPosterAndThumbnails() throws Exception {
        JsonNode asset = uploadAndProcess(MediaFixtures.landscape(ffmpeg, dir, 1280, 720, 3), "普法.mp4", "VIDEO");
        assertThat(labels(asset)).containsExactly("720p", "480p", "360p");
        assertThat(asset.get("renditions").get(0).get("streamCopy").asBoolean())
                .as("an H.264/AAC MP4 source is copied for its own rung").isTrue();
        assertRendition(asset.get("renditions").get(0), 1280, 720, true);
        assertRendition(asset.get("renditions").get(1), 854, 480, true);
        assertRendition(asset.get("renditions").get(2), 640, 360, true);

        String master = fetchText(asset.get("hlsUrl").asString());
        assertThat(master).contains("#EXT-X-STREAM-INF", "RESOLUTION=1280x720", "RESOLUTION=854x480",
                "RESOLUTION=640x360", "720p/index.m3u8", "mp4a.40.2");
        String base = asset.get("hlsUrl").asString().replace("master.m3u8", "");
        String media = fetchText(base + "480p/index.m3u8");
        assertThat(media).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-MAP:URI=\"init.mp4\"", "seg_000.m4s",
                "#EXT-X-ENDLIST");
        http.get().uri(base + "480p/seg_000.m4s").exchange().expectStatus().isOk();
        http.get().uri(asset.get("posterUrl").asString()).exchange().expectStatus().isOk()
                .expectHeader().contentType("image/jpeg");
        http.get().uri(asset.get("thumbnailsUrl").asString()).exchange().expectStatus().isOk();
        assertThat(asset.get("source").get("width").asInt()).isEqualTo(1280);
    }

    @Test
    void portraitScalesOnTheShortSideAndSilentClipsStaySilent() throws Exception {
        JsonNode portrait = uploadAndProcess(MediaFixtures.portrait(ffmpeg, dir, 720, 1280, 2), "竖屏.mp4", "VIDEO");
        assertThat(labels(portrait)).containsExactly("720p", "480p", "360p");
        assertRendition(portrait.get("renditions").get(1), 480, 854, true);
        assertRendition(portrait.get("renditions").get(2), 360, 640, true);

        JsonNode silent = uploadAndProcess(MediaFixtures.silent(ffmpeg, dir, 854, 480, 2), "无声.mp4", "VIDEO");
        assertThat(labels(silent)).as("never upscaled").containsExactly("480p", "360p");
        assertRendition(silent.get("renditions").get(1), 640, 360, false);
        assertThat(fetchText(silent.get("hlsUrl").asString())).doesNotContain("mp4a");
    }

    @Test
    void otherCodecsAreReencodedOnce() throws Exception {
        JsonNode avi = uploadAndProcess(MediaFixtures.mpeg4Avi(ffmpeg, dir, 640, 360, 2), "旧录像.avi", "VIDEO");
        assertThat(labels(avi)).containsExactly("360p");
        assertThat(avi.get("renditions").get(0).get("streamCopy").asBoolean()).isFalse();
        assertRendition(avi.get("renditions").get(0), 640, 360, true);
    }

    @Test
    void gifAnimationBecomesALoopingMp4WithPoster() throws Exception {
        JsonNode gif = uploadAndProcess(MediaFixtures.gifAnimation(ffmpeg, dir, 480, 270, 2), "动画.gif", "ANIMATION");
        assertThat(gif.get("renditions")).hasSize(1);
        assertRendition(gif.get("renditions").get(0), 480, 270, false);
        assertThat(gif.get("hlsUrl").isNull()).isTrue();
        http.get().uri(gif.get("posterUrl").asString()).exchange().expectStatus().isOk();
    }

    @Test
    void captionsReachThePlayerAndTheHlsMaster() throws Exception {
        JsonNode asset = uploadAndProcess(MediaFixtures.landscape(ffmpeg, dir, 640, 360, 2), "字幕.mp4", "VIDEO");
        byte[] srt = Files.readAllBytes(MediaFixtures.srtCaptions(dir));
        JsonNode withCaptions = editor.upload("/api/console/media/" + asset.get("id").asString() + "/captions",
                "字幕.srt", srt).expectStatus(200).json();
        String vttUrl = withCaptions.get("captions").get(0).get("url").asString();
        String vtt = fetchText(vttUrl);
        assertThat(vtt).startsWith("WEBVTT").contains("00:00:00.000 --> 00:00:01.000", "各位居民好");
        String master = fetchText(withCaptions.get("hlsUrl").asString());
        assertThat(master).contains("TYPE=SUBTITLES", "LANGUAGE=\"zh\"", "SUBTITLES=\"subs\"");
        String subtitles = fetchText(withCaptions.get("hlsUrl").asString().replace("master.m3u8", "captions-zh.m3u8"));
        assertThat(subtitles).contains("../../captions/zh.vtt");

        editor.upload("/api/console/media/" + asset.get("id").asString() + "/captions", "notes.srt",
                "这不是字幕".getBytes(StandardCharsets.UTF_8)).expectStatus(415);
        JsonNode replaced = editor.upload("/api/console/media/" + asset.get("id").asString() + "/captions", "新字幕.srt",
                srt).expectStatus(200).json();
        assertThat(replaced.get("captions")).as("one track per language").hasSize(1);

        ConsoleClient otherEditor = cn.fasheng.support.TestUsers.create(http, "caption.other", "何编辑", "EDITOR");
        otherEditor.post("/api/console/media/" + asset.get("id").asString() + "/retranscode", null).expectStatus(403);
        otherEditor.delete("/api/console/media/" + asset.get("id").asString()).expectStatus(403);
    }

    @Test
    void theSameFileUploadedTwiceIsStoredOnce() throws Exception {
        byte[] clip = Files.readAllBytes(MediaFixtures.landscape(ffmpeg, dir, 320, 240, 1));
        String first = TusUploads.upload(editor, "第一次.mp4", clip, "VIDEO", PART);
        assertThat(TusUploads.awaitFinal(editor, first, WAIT).get("state").asString()).isEqualTo("READY");
        String second = TusUploads.upload(editor, "第二次.mp4", clip, "VIDEO", PART);
        JsonNode status = TusUploads.awaitFinal(editor, second, WAIT);
        assertThat(status.get("state").asString()).isEqualTo("DUPLICATE");
        assertThat(status.get("duplicateOf").asString()).isEqualTo(first);
        assertThat(storage.list(AssetKeys.prefix(second)).collectList().block()).isEmpty();
    }

    @Test
    void rangeRequestsAnswerPartialContent() throws Exception {
        JsonNode asset = uploadAndProcess(MediaFixtures.landscape(ffmpeg, dir, 640, 360, 3), "拖动.mp4", "VIDEO");
        String url = asset.get("renditions").get(0).get("url").asString();
        long size = asset.get("renditions").get(0).get("size").asLong();
        http.get().uri(url).header("Range", "bytes=100-199").exchange()
                .expectStatus().isEqualTo(206)
                .expectHeader().valueEquals("Content-Range", "bytes 100-199/" + size)
                .expectHeader().valueEquals("Accept-Ranges", "bytes")
                .expectHeader().contentLength(100);
        http.get().uri(url).header("Range", "bytes=-50").exchange()
                .expectStatus().isEqualTo(206)
                .expectHeader().valueEquals("Content-Range", "bytes " + (size - 50) + "-" + (size - 1) + "/" + size);
        http.get().uri("/media/" + AssetKeys.original(asset.get("id").asString())).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anInterruptedUploadResumesFromTheLastStoredPart() throws Exception {
        byte[] clip = new byte[PART * 2 + 1234];
        byte[] real = Files.readAllBytes(MediaFixtures.landscape(ffmpeg, dir, 320, 240, 1));
        System.arraycopy(real, 0, clip, 0, real.length);
        String id = TusUploads.create(editor, "续传.mp4", clip.length, "VIDEO").expectStatus(201)
                .headers().getFirst("Fasheng-Asset-Id");
        // a PATCH that ends in the middle of the second part: only the first part is kept
        TusUploads.patch(editor, id, 0, java.util.Arrays.copyOf(clip, PART + 1000)).expectStatus(204);
        assertThat(TusUploads.offset(editor, id)).isEqualTo(PART);
        TusUploads.patch(editor, id, 0, new byte[10]).expectStatus(409);
        TusUploads.patch(editor, id, PART, java.util.Arrays.copyOfRange(clip, PART, clip.length)).expectStatus(204);
        assertThat(TusUploads.offset(editor, id)).isEqualTo(clip.length);
        byte[] stored = storage.get(AssetKeys.original(id)).block();
        assertThat(stored).isEqualTo(clip);
    }

    @Test
    void cancellingAnUploadLeavesNothing() {
        String id = TusUploads.create(editor, "取消.mp4", PART * 2L, "VIDEO").expectStatus(201)
                .headers().getFirst("Fasheng-Asset-Id");
        byte[] first = new byte[PART];
        System.arraycopy(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p'}, 0, first, 0, 8);
        TusUploads.patch(editor, id, 0, first).expectStatus(204);
        editor.send(HttpMethod.DELETE, TusUploads.ENDPOINT + "/" + id, Map.of("Tus-Resumable", "1.0.0"), null, null)
                .expectStatus(204);
        editor.get("/api/console/media/" + id).expectStatus(404);
        assertThat(storage.list(AssetKeys.prefix(id)).collectList().block()).isEmpty();
        assertThat(storage.pendingMultiparts().filter(p -> p.key().startsWith(AssetKeys.prefix(id)))
                .collectList().block()).isEmpty();
    }

    private JsonNode uploadAndProcess(Path file, String name, String kind) throws Exception {
        String id = TusUploads.upload(editor, name, Files.readAllBytes(file), kind, PART);
        JsonNode status = TusUploads.awaitFinal(editor, id, WAIT);
        assertThat(status.get("state").asString()).as("状态：%s", status).isEqualTo("READY");
        JsonNode asset = editor.get("/api/console/media/" + id).expectStatus(200).json();
        List<StoredKey> objects = storage.list(AssetKeys.prefix(id)).collectList().block();
        assertThat(objects).as("one run's outputs and the original")
                .allMatch(o -> o.key().equals(AssetKeys.original(id)) || o.key().startsWith(AssetKeys.prefix(id) + "captions/")
                        || AssetKeys.runOf(o.key()) != null);
        assertThat(objects.stream().map(o -> AssetKeys.runOf(o.key())).filter(r -> r != null).distinct()).hasSize(1);
        return asset;
    }

    private void assertRendition(JsonNode rendition, int width, int height, boolean audio) throws Exception {
        Path local = dir.resolve("check-" + System.nanoTime() + ".mp4");
        Files.write(local, http.get().uri(rendition.get("url").asString()).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
        JsonNode probe = JsonMapper.builder().build().readTree(MediaFixtures.probeJson(ffmpeg, local));
        JsonNode video = null;
        JsonNode sound = null;
        for (JsonNode stream : probe.get("streams")) {
            if (stream.get("codec_type").asString().equals("video")) {
                video = stream;
            }
            if (stream.get("codec_type").asString().equals("audio")) {
                sound = stream;
            }
        }
        assertThat(video.get("codec_name").asString()).isEqualTo("h264");
        assertThat(video.get("profile").asString()).isEqualTo("High");
        assertThat(video.get("width").asInt()).isEqualTo(width);
        assertThat(video.get("height").asInt()).isEqualTo(height);
        if (audio) {
            assertThat(sound.get("codec_name").asString()).isEqualTo("aac");
            assertThat(sound.get("channels").asInt()).isEqualTo(2);
        }
        else {
            assertThat(sound).isNull();
        }
        byte[] bytes = Files.readAllBytes(local);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(latin.indexOf("moov")).as("+faststart: the index comes before the media").isLessThan(latin.indexOf("mdat"));
        assertThat(rendition.get("durationSeconds").asDouble()).isGreaterThan(0.5);
        assertThat(rendition.get("bitrate").asLong()).isPositive();
        assertThat(rendition.get("size").asLong()).isEqualTo(bytes.length);
    }

    private static List<String> labels(JsonNode asset) {
        List<String> labels = new ArrayList<>();
        asset.get("renditions").forEach(r -> labels.add(r.get("label").asString()));
        return labels;
    }

    private String fetchText(String url) {
        byte[] body = http.get().uri(url).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }
}
