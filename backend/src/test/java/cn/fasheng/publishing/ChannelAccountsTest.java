package cn.fasheng.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.publishing.fake.FakeBilibili;
import cn.fasheng.publishing.fake.FakeWechat;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FakeChannels;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** Connecting channel accounts: OAuth2 for Bilibili, AppID + AppSecret for WeChat, secrets sealed, tokens renewed once. */
@FashengAppTest
@ExtendWith(OutputCaptureExtension.class)
class ChannelAccountsTest {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ChannelTokens tokens;

    ConsoleClient admin;

    @BeforeEach
    void fresh() {
        admin = ConsoleClient.admin(http);
        FakeChannels.bilibili().reset();
        FakeChannels.wechat().reset();
        mongo.remove(new Query(), ChannelAccount.class).block();
    }

    @Test
    void connectedAccountsKeepTheirSecretsSealedAndUnspoken(CapturedOutput output) {
        ChannelFixtures.connectBilibili(admin);
        ChannelFixtures.connectWechat(admin);
        String listing = admin.get("/api/console/channels").body();
        assertThat(listing).contains("\"state\":\"CONNECTED\"").doesNotContain(FakeBilibili.APP_SECRET, FakeWechat.APP_SECRET,
                "sealed", "Token\":\"");
        for (Document stored : mongo.findAll(Document.class, "channel_accounts").collectList().block()) {
            String json = stored.toJson();
            assertThat(json).doesNotContain(FakeBilibili.APP_SECRET, FakeWechat.APP_SECRET);
            assertThat(stored.getString("sealedAppSecret")).startsWith("v1:");
            assertThat(stored.getString("sealedAccessToken")).startsWith("v1:");
        }
        String bilibiliToken = tokens.session(Channel.BILIBILI).block().accessToken();
        assertThat(mongo.findAll(Document.class, "channel_accounts").collectList().block().toString()).doesNotContain(bilibiliToken);
        assertThat(admin.get("/v3/api-docs").expectStatus(200).body()).doesNotContain(FakeBilibili.APP_SECRET,
                FakeWechat.APP_SECRET, bilibiliToken);
        assertThat(output.getAll()).doesNotContain(FakeBilibili.APP_SECRET, FakeWechat.APP_SECRET, bilibiliToken);
    }

    @Test
    void aCallbackThatThisConsoleDidNotStartIsRefused() {
        admin.put("/api/console/channels/bilibili", Map.of("appId", FakeBilibili.CLIENT_ID, "appSecret",
                FakeBilibili.APP_SECRET)).expectStatus(200);
        ConsoleClient.Response back = admin.get("/api/console/channels/bilibili/callback?code="
                + FakeChannels.bilibili().issueCode() + "&state=forged").expectStatus(303);
        assertThat(java.net.URLDecoder.decode(back.headers().getLocation().toString(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("error=", "不是从本后台发起的");
        assertThat(ChannelFixtures.account(admin, "BILIBILI").get("state").asString()).isEqualTo("NEEDS_REAUTH");
        ConsoleClient editor = TestUsers.create(http, "acc.editor", "郑编辑", "EDITOR");
        editor.put("/api/console/channels/wechat", Map.of("appId", "x", "appSecret", "y")).expectStatus(403);
        editor.post("/api/console/channels/BILIBILI/pause", Map.of("paused", true)).expectStatus(403);
    }

    @Test
    void aWrongAppSecretIsRefusedInChineseAndNothingIsStored() {
        JsonNode problem = admin.put("/api/console/channels/wechat", Map.of("appId", FakeWechat.APP_ID,
                "appSecret", "wrong-secret")).expectStatus(400).json();
        assertThat(problem.get("detail").asString()).contains("AppSecret 不正确");
        assertThat(mongo.count(new Query(), ChannelAccount.class).block()).isZero();
    }

    @Test
    void instancesRenewingAtOnceUseTheSingleUseRefreshTokenOnce() {
        FakeBilibili bili = FakeChannels.bilibili();
        // The first token is close to expiry, so every session asks for a renewal; the renewed one is good for an hour,
        // so a session that comes late (a busy machine) takes it rather than renewing again.
        bili.accessTokenLifetime(Duration.ofMinutes(1));
        ChannelFixtures.connectBilibili(admin);
        bili.accessTokenLifetime(Duration.ofHours(1));
        List<ChannelSession> sessions = Flux.range(0, 8).flatMap(i -> tokens.session(Channel.BILIBILI), 8)
                .collectList().block(Duration.ofSeconds(40));
        assertThat(bili.refreshCalls()).isEqualTo(1);
        assertThat(bili.refreshReuses()).isZero();
        assertThat(sessions).extracting(ChannelSession::generation).containsOnly(sessions.get(0).generation());
        assertThat(ChannelFixtures.account(admin, "BILIBILI").get("state").asString()).isEqualTo("CONNECTED");
    }
}
