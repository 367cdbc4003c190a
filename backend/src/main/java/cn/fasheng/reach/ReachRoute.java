package cn.fasheng.reach;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import cn.fasheng.platform.error.ProblemException;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/public/reach}: where the public pages report a view or how far a video was watched (JSON, from the
 * page's own script, no cookie). Every page view sends one, so the route is served by the web server itself, ahead of
 * the application's request handling: it reads no session, changes nothing but figures and answers an empty 204
 * whether the report was counted or left out as a crawler's or a repeat. A malformed report gets a problem document.
 */
@Component
class ReachRoute implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

    static final String PATH = "/api/public/reach";
    private static final int MAX_BODY = 1024;

    private final ReachReception reception;
    private final JsonMapper json;
    private final String path;
    private final boolean behindProxy;

    ReachRoute(ReachReception reception, JsonMapper json, @Value("${spring.webflux.base-path:}") String basePath,
            @Value("${server.forward-headers-strategy:none}") String forwardHeaders) {
        this.reception = reception;
        this.json = json;
        this.path = (basePath == null ? "" : basePath.replaceAll("/+$", "")) + PATH;
        this.behindProxy = !"none".equalsIgnoreCase(forwardHeaders.strip());
    }

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addRouteProviders(routes -> routes.post(path, this::handle));
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        return request.receive().asByteArray()
                .doOnNext(chunk -> {
                    if (body.size() + chunk.length > MAX_BODY) {
                        throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "请求过大", "统计请求过大");
                    }
                    body.writeBytes(chunk);
                })
                .then(Mono.fromRunnable(() -> reception.accept(body.toByteArray(), address(request),
                        request.requestHeaders().get(HttpHeaderNames.USER_AGENT))))
                .then(Mono.defer(() -> response.status(204).send()))
                .onErrorResume(ProblemException.class, e -> problem(response, e));
    }

    /** Behind a reverse proxy, the client's address as the proxy wrote it into X-Forwarded-For (see the README). */
    private String address(HttpServerRequest request) {
        String forwarded = behindProxy ? request.requestHeaders().get("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            // The last entry is the one the nearest proxy wrote; earlier ones come from the client and prove nothing.
            return forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        }
        InetSocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private Mono<Void> problem(HttpServerResponse response, ProblemException error) {
        ProblemDetail problem = error.getBody();
        problem.setInstance(URI.create(path));
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.status(problem.getStatus())
                .header(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .sendByteArray(Mono.just(body)).then();
    }
}
