package cn.fasheng.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.springframework.http.HttpMethod;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads through the tus protocol as tus-js-client does, and waits for processing. */
public final class TusUploads {

    public static final String ENDPOINT = "/api/console/media/uploads";

    private TusUploads() {
    }

    /** Creates an upload and answers the response (201 with Location, or a problem). */
    public static ConsoleClient.Response create(ConsoleClient client, String name, long length, String kind) {
        String metadata = "filename " + b64(name) + ",kind " + b64(kind);
        return client.send(HttpMethod.POST, ENDPOINT, Map.of("Tus-Resumable", "1.0.0",
                "Upload-Length", Long.toString(length), "Upload-Metadata", metadata), null, null);
    }

    public static ConsoleClient.Response patch(ConsoleClient client, String assetId, long offset, byte[] chunk) {
        return client.send(HttpMethod.PATCH, ENDPOINT + "/" + assetId, Map.of("Tus-Resumable", "1.0.0",
                "Upload-Offset", Long.toString(offset)), chunk, "application/offset+octet-stream");
    }

    public static long offset(ConsoleClient client, String assetId) {
        ConsoleClient.Response head = client.send(HttpMethod.HEAD, ENDPOINT + "/" + assetId,
                Map.of("Tus-Resumable", "1.0.0"), null, null).expectStatus(200);
        return Long.parseLong(head.headers().getFirst("Upload-Offset"));
    }

    /** Uploads a whole file in parts of {@code partSize}; answers the asset id. */
    public static String upload(ConsoleClient client, String name, byte[] content, String kind, int partSize) {
        String id = create(client, name, content.length, kind).expectStatus(201).headers().getFirst("Fasheng-Asset-Id");
        for (int offset = 0; offset < content.length; offset += partSize) {
            byte[] chunk = Arrays.copyOfRange(content, offset, Math.min(content.length, offset + partSize));
            patch(client, id, offset, chunk).expectStatus(204);
        }
        return id;
    }

    /** Polls the asset's status until it is final; answers the last status. */
    public static JsonNode awaitFinal(ConsoleClient client, String assetId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            ConsoleClient.Response view = client.get("/api/console/media/" + assetId);
            status = view.status() == 404 ? lastEvent(client.get("/api/console/media/" + assetId + "/events").body())
                    : view.expectStatus(200).json().get("status");
            if (status != null && Arrays.asList("READY", "FAILED", "DUPLICATE", "REJECTED")
                    .contains(status.get("state").asString())) {
                return status;
            }
            Thread.sleep(300);
        }
        assertThat(status).as("processing of %s did not finish in time", assetId).isNull();
        return status;
    }

    /** The data of the last server-sent event in a finished stream. */
    public static JsonNode lastEvent(String stream) {
        String last = null;
        for (String line : stream.split("\n")) {
            if (line.startsWith("data:")) {
                last = line.substring(5);
            }
        }
        return last == null ? null : tools.jackson.databind.json.JsonMapper.builder().build().readTree(last);
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
