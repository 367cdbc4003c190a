package cn.fasheng.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import cn.fasheng.platform.ffmpeg.FfmpegBinaries;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * An editor uploads a video in the console with the progress bar; the upload is cut off after its first part
 * and resumed from there in a new tab; the editor watches the transcode; then the public plays it, seeking
 * with Range requests answered 206.
 */
@FashengAppTest
class MediaBrowserTest extends BrowserTestSupport {

    static final long PART = 8L * 1024 * 1024;

    @Autowired
    WebTestClient http;

    @Autowired
    FfmpegBinaries ffmpeg;

    @Test
    void uploadInterruptResumeTranscodeAndPlay(@TempDir Path dir) throws Exception {
        ConsoleClient editorApi = TestUsers.create(http, "media.editor", "钱编辑", "EDITOR");
        Path video = clip(dir.resolve("小区反诈宣传.mp4"));

        Page first = newDesktopPage();
        first.navigate(url("/console/media"));
        signIn(first, "media.editor", "media.editor-password");
        // A slow uplink (3 MB/s), so that the tab can be closed in the middle of the upload.
        com.microsoft.playwright.CDPSession network = first.context().newCDPSession(first);
        network.send("Network.enable");
        com.google.gson.JsonObject slow = new com.google.gson.JsonObject();
        slow.addProperty("offline", false);
        slow.addProperty("latency", 20);
        slow.addProperty("downloadThroughput", -1);
        slow.addProperty("uploadThroughput", 3 * 1024 * 1024);
        network.send("Network.emulateNetworkConditions", slow);
        first.getByTestId("upload-file").setInputFiles(video);
        assertThat(first.getByTestId("upload-progress")).isVisible();
        String assetId = awaitStoredPart(editorApi, first);
        // A new tab of the same browser (same storage, same session) after the first one is gone.
        Page second = first.context().newPage();
        first.close();
        Thread.sleep(500);
        long stored = editorApi.get("/api/console/media/" + assetId).json().get("status").get("percent").asLong();
        assertThat(stored).as("closed in the middle of the upload").isBetween(1L, 99L);
        List<String> offsets = new CopyOnWriteArrayList<>();
        second.onRequest(request -> {
            if ("PATCH".equals(request.method())) {
                offsets.add(request.headerValue("upload-offset"));
            }
        });
        second.navigate(url("/console/media"));
        if (second.getByLabel("用户名").isVisible()) {
            signIn(second, "media.editor", "media.editor-password");
        }
        second.getByTestId("upload-file").setInputFiles(video);
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String text = "";
        while (!text.contains("可播放") && !text.contains("已处理完成") && System.nanoTime() < deadline) {
            text = second.getByTestId("upload-status").innerText();
            seen.add(text);
            Thread.sleep(150);
        }
        assertThat(seen).anyMatch(t -> t.contains("从上次中断处继续"));
        assertThat(offsets).as("the resumed upload starts after the stored part").isNotEmpty();
        assertThat(Long.parseLong(offsets.get(0))).as("resumed from the last stored part, not from zero")
                .isPositive().isEqualTo(Long.parseLong(offsets.get(0)) / PART * PART);
        assertThat(seen).as("transcode progress was shown").anyMatch(t -> t.matches("(?s).*(转码|生成|保存|检查|读取).*\\d+%.*"));
        assertThat(text).contains("已处理完成");
        second.navigate(url("/console/media/" + assetId));
        assertThat(second.getByTestId("renditions")).containsText("480p");
        screenshot(second, "console-media-detail");

        String slug = publish(editorApi, assetId);
        Page oldPhone = newPage(true);
        oldPhone.addInitScript("HTMLMediaElement.prototype.canPlayType = function () { return ''; };"
                + "window.MediaSource = undefined;");
        List<Response> media = new CopyOnWriteArrayList<>();
        oldPhone.onResponse(r -> {
            if (r.url().contains("/media/assets/")) {
                media.add(r);
            }
        });
        oldPhone.navigate(url("/videos/" + slug));
        oldPhone.evaluate("() => { const v = document.querySelector('video'); v.muted = true; v.play().catch(() => {}); }");
        oldPhone.waitForFunction("() => document.querySelector('video').currentTime > 0.5");
        oldPhone.evaluate("() => { document.querySelector('video').currentTime = 20; }");
        oldPhone.waitForFunction("() => document.querySelector('video').currentTime > 20.2");
        assertThat(media).anyMatch(r -> r.status() == 206 && r.url().endsWith(".mp4")
                && r.headerValue("content-range") != null && r.headerValue("content-range").startsWith("bytes "));
        screenshot(oldPhone, "public-video-mp4");

        Page phone = newPage(true);
        phone.navigate(url("/videos/" + slug));
        phone.evaluate("() => { const v = document.querySelector('video'); v.muted = true; v.play().catch(() => {}); }");
        phone.waitForFunction("() => document.querySelector('video').currentTime > 0.5");
        assertThat(phone.locator("video")).hasAttribute("tabindex", "0");
    }

    /** Waits until the server holds the first part of the interrupted upload; answers the asset id. */
    private static String awaitStoredPart(ConsoleClient api, Page page) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode item : api.get("/api/console/media?mine=true").expectStatus(200).json().get("items")) {
                if ("UPLOADING".equals(item.get("state").asString()) && item.get("status").get("percent").asInt() > 0) {
                    return item.get("id").asString();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the first part never reached the server; page: "
                + page.getByTestId("media-upload").innerText());
    }

    private String publish(ConsoleClient editor, String assetId) {
        String id = editor.post("/api/console/contents", Map.of("kind", "VIDEO", "title", "小区反诈宣传片",
                "slug", "community-anti-fraud", "body", "<p>社区民警讲解常见骗局。</p>", "mediaAssetId", assetId))
                .expectStatus(201).json().get("id").asString();
        editor.post("/api/console/contents/" + id + "/submit", null).expectStatus(200);
        ConsoleClient admin = ConsoleClient.admin(http);
        admin.post("/api/console/contents/" + id + "/approve", Map.of()).expectStatus(200);
        admin.post("/api/console/contents/" + id + "/publish", null).expectStatus(200);
        return "community-anti-fraud";
    }

    /** A 30-second 720p clip of about 20 MB: three upload parts, and a transcode long enough to watch. */
    private Path clip(Path out) throws Exception {
        Process process = ffmpeg.processBuilder(List.of(ffmpeg.ffmpeg(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25:duration=30",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=30",
                "-c:v", "libx264", "-profile:v", "high", "-pix_fmt", "yuv420p", "-preset", "ultrafast", "-b:v", "5M",
                "-c:a", "aac", "-ac", "2", "-shortest", "-movflags", "+faststart", out.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(output);
        }
        return out;
    }
}
