package cn.fasheng.publishing;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side shared by the channel clients: one connection pool, timeouts, and the translation of transport
 * failures into {@link ChannelException} kinds. Answers are read as JSON trees and checked by each channel's
 * envelope rules, because the channels answer errors with HTTP 200.
 */
public final class ChannelHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebClient client;
    private final ConnectionProvider connections;
    private final LoopResources loops;

    /** Own connections and event loops, released with {@link #dispose()}, so no other client's shutdown takes them along. */
    public ChannelHttp(String name) {
        connections = ConnectionProvider.builder("channel-" + name).maxConnections(64)
                .pendingAcquireMaxCount(-1).maxIdleTime(Duration.ofSeconds(20)).build();
        loops = LoopResources.create("channel-" + name, 2, true);
        HttpClient http = HttpClient.create(connections).runOn(loops)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    public WebClient client() {
        return client;
    }

    public void dispose() {
        connections.dispose();
        loops.dispose();
    }

    /** The body as JSON, with the HTTP status and any Retry-After, or a classified failure. */
    public Mono<Answer> exchange(WebClient.RequestHeadersSpec<?> request, Duration timeout, String stage) {
        return request.exchangeToMono(response -> read(response, stage))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof ChannelException), e -> transport(e, stage));
    }

    private static Mono<Answer> read(ClientResponse response, String stage) {
        HttpStatusCode status = response.statusCode();
        Duration retryAfter = retryAfter(response.headers().asHttpHeaders());
        return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(bytes -> {
            if (status.value() == 429) {
                return Mono.error(new ChannelException(ChannelException.Kind.BUSY, "HTTP 429", stage + "：请求过于频繁", retryAfter));
            }
            if (status.is5xxServerError()) {
                // The work may have been done before the error page: callers that changed something treat it as
                // an unknown outcome, the others simply retry.
                return Mono.error(new ChannelException(ChannelException.Kind.UNKNOWN_OUTCOME, "HTTP " + status.value(),
                        stage + "：渠道服务器出错（HTTP " + status.value() + "）", retryAfter));
            }
            if (!status.is2xxSuccessful()) {
                return Mono.error(new ChannelException(ChannelException.Kind.PERMANENT, "HTTP " + status.value(),
                        stage + "：渠道拒绝了请求（HTTP " + status.value() + "）"));
            }
            try {
                return Mono.just(new Answer(bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes), retryAfter));
            }
            catch (RuntimeException e) {
                return Mono.error(new ChannelException(ChannelException.Kind.UNKNOWN_OUTCOME, "BAD_JSON",
                        stage + "：渠道返回了无法识别的内容"));
            }
        });
    }

    private static ChannelException transport(Throwable e, String stage) {
        if (e instanceof TimeoutException) {
            return new ChannelException(ChannelException.Kind.UNKNOWN_OUTCOME, "TIMEOUT", stage + "：等待渠道响应超时");
        }
        if (e instanceof WebClientRequestException && e.getCause() instanceof ConnectException) {
            return new ChannelException(ChannelException.Kind.TRANSIENT, "CONNECT", stage + "：无法连接渠道服务器");
        }
        return new ChannelException(ChannelException.Kind.UNKNOWN_OUTCOME, "IO", stage + "：与渠道通信中断（" + e.getClass().getSimpleName() + "）");
    }

    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        }
        catch (NumberFormatException e) {
            try {
                java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(value.strip(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                return Duration.between(java.time.Instant.now(), at.toInstant()).isNegative() ? Duration.ZERO
                        : Duration.between(java.time.Instant.now(), at.toInstant());
            }
            catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    public record Answer(JsonNode body, Duration retryAfter) {
    }
}
