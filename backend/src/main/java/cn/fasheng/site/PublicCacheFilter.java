package cn.fasheng.site;

import java.util.List;

import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Public pages are cacheable but always revalidated ({@code no-cache} + ETag): a page changes the moment an
 * item is published, and a reader who already has the current version gets a bodiless 304.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicCacheFilter implements WebFilter {

    private static final List<String> NOT_PUBLIC = List.of("/api/", "/console", "/actuator", "/v3/", "/swagger-ui",
            "/webjars/", "/media/", "/assets/");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        HttpMethod method = exchange.getRequest().getMethod();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || NOT_PUBLIC.stream().anyMatch(path::startsWith)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new Decorator(exchange)).build());
    }

    private static final class Decorator extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;

        Decorator(ServerWebExchange exchange) {
            super(exchange.getResponse());
            this.exchange = exchange;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            ServerHttpResponse response = getDelegate();
            HttpHeaders headers = response.getHeaders();
            boolean html = headers.getContentType() != null && MediaType.TEXT_HTML.isCompatibleWith(headers.getContentType());
            boolean ok = response.getStatusCode() == null || response.getStatusCode() == HttpStatus.OK;
            if (!html || !ok || headers.getETag() != null || headers.getCacheControl() != null) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                String etag = "W/\"" + DigestUtils.md5DigestAsHex(bytes) + "\"";
                headers.setETag(etag);
                headers.setCacheControl("public, no-cache");
                List<String> ifNoneMatch = exchange.getRequest().getHeaders().getIfNoneMatch();
                if (ifNoneMatch.contains(etag) || ifNoneMatch.contains(etag.substring(2))) {
                    response.setStatusCode(HttpStatus.NOT_MODIFIED);
                    headers.remove(HttpHeaders.CONTENT_LENGTH);
                    return response.setComplete();
                }
                headers.setContentLength(bytes.length);
                return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
            });
        }
    }
}
