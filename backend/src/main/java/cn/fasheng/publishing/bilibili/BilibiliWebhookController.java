package cn.fasheng.publishing.bilibili;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.fasheng.publishing.ChannelPosts;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The Open Platform's webhook: answers the URL verification, and on {@code video_open} / {@code video_fail} asks
 * Bilibili about that archive at once instead of at the next poll. The callback itself is not trusted: it only
 * brings the (signed) status check forward.
 */
@Hidden
@RestController
public class BilibiliWebhookController {

    private static final Logger log = LoggerFactory.getLogger(BilibiliWebhookController.class);

    private final ChannelPosts posts;

    BilibiliWebhookController(ChannelPosts posts) {
        this.posts = posts;
    }

    @PostMapping("/api/channels/bilibili/webhook")
    public Mono<Map<String, Object>> receive(@RequestBody JsonNode event) {
        String type = event.path("event").asString("");
        JsonNode content = event.path("content");
        if ("verify_webhooks".equals(type)) {
            JsonNode data = content.has("data") ? content.path("data") : content;
            return Mono.just(Map.of("data", data.isValueNode() ? data.asString() : data));
        }
        if ("video_open".equals(type) || "video_fail".equals(type)) {
            String resourceId = content.path("resource_id").asString(null);
            if (resourceId == null || resourceId.isBlank() || resourceId.length() > 64) {
                return Mono.just(Map.of("code", 0));
            }
            return posts.checkRemoteNow(resourceId).thenReturn(Map.of("code", 0));
        }
        log.info("收到 B 站回调事件 {}", type.length() > 40 ? type.substring(0, 40) : type);
        return Mono.just(Map.of("code", 0));
    }
}
