package cn.fasheng.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like console caller: keeps cookies between calls and echoes the CSRF cookie in the header,
 * as the console single-page app does.
 */
public class ConsoleClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public record Response(int status, HttpHeaders headers, String body) {

        public Response expectStatus(int expected) {
            assertThat(status).as("HTTP status; body: %s", body).isEqualTo(expected);
            return this;
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public ConsoleClient(WebTestClient http) {
        this.http = http;
        get("/api/console/auth/me").expectStatus(401);
    }

    public static ConsoleClient loggedIn(WebTestClient http, String username, String password) {
        ConsoleClient client = new ConsoleClient(http);
        client.post("/api/console/auth/login", Map.of("username", username, "password", password)).expectStatus(200);
        return client;
    }

    public static ConsoleClient admin(WebTestClient http) {
        return loggedIn(http, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
    }

    public Response get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    public Response post(String path, Object body) {
        return call(HttpMethod.POST, path, body);
    }

    public Response put(String path, Object body) {
        return call(HttpMethod.PUT, path, body);
    }

    public Response delete(String path) {
        return call(HttpMethod.DELETE, path, null);
    }

    /** A multipart upload of one file, as the console's file inputs send it. */
    public Response upload(String path, String filename, byte[] content) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return call(HttpMethod.POST, path, parts);
    }

    public Response call(HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path)
                .cookies(jar -> cookies.forEach(jar::add));
        String csrf = cookies.get("XSRF-TOKEN");
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : body instanceof MultipartBodyBuilder parts
                        ? request.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build()))
                        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
        for (ResponseCookie cookie : result.getResponseCookies().toSingleValueMap().values()) {
            if (cookie.getMaxAge().isZero() || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            }
            else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        byte[] content = result.getResponseBody();
        return new Response(result.getStatus().value(), result.getResponseHeaders(),
                content == null ? "" : new String(content, StandardCharsets.UTF_8));
    }

    /** A file the console downloads (PDF, PNG): its bytes as sent, after asserting 200. */
    public byte[] download(String path) {
        EntityExchangeResult<byte[]> result = http.get().uri(path).cookies(jar -> cookies.forEach(jar::add)).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        return result.getResponseBody();
    }

    /** A raw request with extra headers, e.g. the tus upload protocol. */
    public Response send(HttpMethod method, String path, Map<String, String> headers, byte[] body, String contentType) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path)
                .cookies(jar -> cookies.forEach(jar::add))
                .headers(h -> headers.forEach(h::set));
        String csrf = cookies.get("XSRF-TOKEN");
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.parseMediaType(contentType)).bodyValue(body);
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
        byte[] content = result.getResponseBody();
        return new Response(result.getStatus().value(), result.getResponseHeaders(),
                content == null ? "" : new String(content, StandardCharsets.UTF_8));
    }

    /** A plain HTML form post carrying the CSRF token as a field, as a forged cross-site form would. */
    public Response formPostWithTokenField(String path) {
        EntityExchangeResult<byte[]> result = http.post().uri(path)
                .cookies(jar -> cookies.forEach(jar::add))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("_csrf=" + cookies.get("XSRF-TOKEN"))
                .exchange().expectBody().returnResult();
        byte[] content = result.getResponseBody();
        return new Response(result.getStatus().value(), result.getResponseHeaders(),
                content == null ? "" : new String(content, StandardCharsets.UTF_8));
    }

    public boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }
}
