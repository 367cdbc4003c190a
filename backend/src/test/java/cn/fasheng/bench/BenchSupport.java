package cn.fasheng.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the benchmarks share: starting and waiting for the jar, and a signed-in console session. */
final class BenchSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchSupport() {
    }

    /** {@code -Dbench.suite=column|media|reach|publishing} runs one benchmark; without it all run. */
    static boolean selected(String suite) {
        String chosen = System.getProperty("bench.suite", "all");
        return chosen.equals("all") || chosen.equals(suite);
    }

    static void waitUntilReady(int port, Process app, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("应用启动失败，见 " + log);
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("应用未在 120 秒内就绪，见 " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    static String jsonField(String json, String field) {
        JsonNode node = JSON.readTree(json).findValue(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    /** A console session: cookies, and the CSRF token echoed in a header as the console does. */
    static final class Session {

        private final HttpClient client;
        private final CookieManager cookies;

        private Session(HttpClient client, CookieManager cookies) {
            this.client = client;
            this.cookies = cookies;
        }

        static Session login(String base, String username, String password) throws Exception {
            CookieManager cookies = new CookieManager();
            Session session = new Session(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
            session.send(HttpRequest.newBuilder(URI.create(base + "/api/console/auth/me")).GET());
            HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(base + "/api/console/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                            + password + "\"}")));
            if (login.statusCode() != 200) {
                throw new IllegalStateException("登录失败：" + login.statusCode() + " " + login.body());
            }
            return session;
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String get(String url) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).GET()).body();
        }
    }
}
