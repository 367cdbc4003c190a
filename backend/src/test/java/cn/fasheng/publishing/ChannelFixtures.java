package cn.fasheng.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import cn.fasheng.publishing.fake.FakeBilibili;
import cn.fasheng.publishing.fake.FakeWechat;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FakeChannels;
import tools.jackson.databind.JsonNode;

/** Connected channel accounts and published content, through the console API as people do it. */
final class ChannelFixtures {

    private ChannelFixtures() {
    }

    /** Connects the bureau's Bilibili account: app credentials, consent on the (fake) Bilibili page, callback. */
    static void connectBilibili(ConsoleClient admin) {
        String consent = admin.put("/api/console/channels/bilibili", Map.of("name", "杨浦司法B站号",
                "appId", FakeBilibili.CLIENT_ID, "appSecret", FakeBilibili.APP_SECRET)).expectStatus(200).json()
                .get("url").asString();
        Map<String, List<String>> query = UriComponentsBuilder.fromUriString(consent).build().getQueryParams();
        assertThat(consent).startsWith(FakeChannels.bilibili().baseUrl() + "/pc/account-pc/auth/oauth");
        String gourl = java.net.URLDecoder.decode(query.get("gourl").get(0), java.nio.charset.StandardCharsets.UTF_8);
        String state = java.net.URLDecoder.decode(query.get("state").get(0), java.nio.charset.StandardCharsets.UTF_8);
        String callback = URI.create(gourl).getPath() + "?code=" + FakeChannels.bilibili().issueCode() + "&state=" + state;
        ConsoleClient.Response back = admin.get(callback).expectStatus(303);
        assertThat(back.headers().getLocation().toString()).contains("connected=BILIBILI");
    }

    static void connectWechat(ConsoleClient admin) {
        admin.put("/api/console/channels/wechat", Map.of("name", "杨浦司法公众号", "appId", FakeWechat.APP_ID,
                "appSecret", FakeWechat.APP_SECRET)).expectStatus(200);
    }

    static JsonNode account(ConsoleClient client, String channel) {
        for (JsonNode account : client.get("/api/console/channels").json()) {
            if (account.get("channel").asString().equals(channel)) {
                return account;
            }
        }
        throw new AssertionError("no account " + channel);
    }

    /** Created by {@code author}, approved and published by {@code reviewer}. */
    static String published(ConsoleClient author, ConsoleClient reviewer, Map<String, Object> fields) {
        Map<String, Object> draft = new HashMap<>(fields);
        String id = author.post("/api/console/contents", draft).expectStatus(201).json().get("id").asString();
        author.post("/api/console/contents/" + id + "/submit", null).expectStatus(200);
        reviewer.post("/api/console/contents/" + id + "/approve", Map.of()).expectStatus(200);
        reviewer.post("/api/console/contents/" + id + "/publish", null).expectStatus(200);
        return id;
    }

    static String schedule(ConsoleClient editor, String contentId, String channel, Map<String, Object> fields, Instant at) {
        Map<String, Object> body = new HashMap<>(Map.of("contentId", contentId, "channel", channel, "scheduledAt", at.toString()));
        if (fields != null) {
            body.put("fields", fields);
        }
        return editor.post("/api/console/channel-posts", body).expectStatus(201).json().get("id").asString();
    }

    static JsonNode awaitState(ConsoleClient client, String postId, String state, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode post = null;
        while (System.nanoTime() < deadline) {
            post = client.get("/api/console/channel-posts/" + postId).json();
            if (post.get("state").asString().equals(state)) {
                return post;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("post " + postId + " did not reach " + state + "; last: " + post);
    }

    static Map<String, Object> bilibiliFields(String title) {
        Map<String, Object> f = new HashMap<>();
        f.put("title", title);
        f.put("description", "杨浦区司法局普法微视频");
        f.put("tags", List.of("普法", "民法典"));
        f.put("tid", 124);
        f.put("copyright", 1);
        return f;
    }
}
