package cn.fasheng.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.platform.jobs.Job;
import cn.fasheng.platform.jobs.JobQueue;
import cn.fasheng.publishing.fake.FakeWechat;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FakeChannels;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import cn.fasheng.support.TinyImages;
import tools.jackson.databind.JsonNode;

/**
 * Articles go to the (loopback) WeChat Official Account: cover material, pictures through uploadimg, a draft in
 * WeChat's own HTML, publication; and the documented faults still end in exactly one publication per post.
 */
@FashengAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WechatPublishingTest {

    static final String SUBMIT = "/cgi-bin/freepublish/submit";
    static final String DRAFT = "/cgi-bin/draft/add";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    JobQueue jobs;

    ConsoleClient admin;
    ConsoleClient editor;
    ConsoleClient reviewer;
    String cover;
    String picture;
    FakeWechat wechat = FakeChannels.wechat();

    @BeforeAll
    void people() {
        admin = ConsoleClient.admin(http);
        editor = TestUsers.create(http, "wx.editor", "周编辑", "EDITOR");
        reviewer = TestUsers.create(http, "wx.reviewer", "吴审核", "REVIEWER");
        cover = editor.upload("/api/console/uploads/images", "封面.png", TinyImages.png(Color.BLUE)).expectStatus(201)
                .json().get("url").asString();
        picture = editor.upload("/api/console/uploads/images", "插图.png", TinyImages.png(Color.GREEN)).expectStatus(201)
                .json().get("url").asString();
    }

    @BeforeEach
    void freshChannel() {
        wechat.reset();
        mongo.remove(new Query(), ChannelPost.class).block();
        ChannelFixtures.connectWechat(admin);
    }

    private String article(String title) {
        return ChannelFixtures.published(editor, reviewer, Map.of("kind", "ARTICLE", "title", title,
                "summary", "以案说法：" + title, "coverUrl", cover, "tags", List.of("普法"),
                "body", "<h2>案情</h2><p>一段<strong>正文</strong>，<a href=\"https://example.org/x\">外部链接</a></p>"
                        + "<img src=\"" + picture + "\" alt=\"插图\"><img src=\"https://example.org/outside.png\" alt=\"外部图\">"
                        + "<blockquote><p>法条原文</p></blockquote>"));
    }

    private Map<String, Object> fields(String title) {
        Map<String, Object> f = new HashMap<>();
        f.put("title", title);
        f.put("description", "摘要：" + title);
        f.put("author", "杨浦区司法局");
        return f;
    }

    private String post(String title) {
        return ChannelFixtures.schedule(editor, article(title), "WECHAT", fields(title), Instant.now());
    }

    @Test
    void anArticleIsConvertedUploadedAndPublishedOnce() throws Exception {
        String id = post("物业费纠纷怎么办");
        JsonNode done = ChannelFixtures.awaitState(editor, id, "PUBLISHED", Duration.ofSeconds(30));
        assertThat(wechat.publications()).hasSize(1);
        FakeWechat.Publication publication = wechat.publications().get(0);
        assertThat(done.get("remoteUrl").asString()).isEqualTo(publication.articleUrl()).startsWith("https://mp.weixin.qq.com/s/");
        String body = editor.get("/api/console/contents/" + done.get("contentId").asString()).json().get("body").asString();
        assertThat(wechat.uploadedImages()).as("each picture of the article goes up once")
                .isEqualTo(org.jsoup.Jsoup.parse(body).select("img").size());
        assertThat(wechat.externalImagesSeen()).as("no picture from outside WeChat reaches it").isZero();
        String html = wechat.drafts().get(0).articles().get(0).content();
        assertThat(html).contains("mmbiz.qpic.cn", "style=\"", "<strong", "外部链接").doesNotContain("example.org", "<a ",
                "class=");
        FakeWechat.Article sent = wechat.drafts().get(0).articles().get(0);
        assertThat(sent.sourceUrl()).as("阅读原文 leads back to the column page").matches("http://localhost:8080/articles/.+");
        assertThat(sent.author()).isEqualTo("杨浦区司法局");
        assertThat(wechat.materials()).extracting(FakeWechat.Material::type).containsExactly("image");
    }

    @Test
    void aPublicationWhoseAnswerWasLostIsFoundNotRepeated() throws Exception {
        wechat.delayResponseNext(SUBMIT, Duration.ofSeconds(5));
        // Publishing takes a while: at the first look the article is not among the published ones yet.
        wechat.publishDelay(Duration.ofSeconds(6));
        String id = post("答复超时的发布");
        JsonNode done = ChannelFixtures.awaitState(editor, id, "PUBLISHED", Duration.ofSeconds(40));
        assertThat(wechat.publications()).hasSize(1);
        assertThat(wechat.calls(SUBMIT)).isEqualTo(1);
        assertThat(done.get("history").toString()).contains("不再重复提交");
    }

    @Test
    void busyQuotaAndExpiredTokensAreRetriedAndStillPublishOnce() throws Exception {
        wechat.failNextWithRetryAfter(DRAFT, -1, "system error", Duration.ofSeconds(2));
        wechat.failNext(SUBMIT, 45009, "reach max api daily quota limit", 1);
        wechat.onCall("/cgi-bin/media/uploadimg", 1, wechat::expireTokens);
        String id = post("接口繁忙时的发布");
        assertThat(wechat.awaitCalls(SUBMIT, 1, Duration.ofSeconds(30))).isTrue();
        Thread.sleep(1000);
        Job waiting = jobs.find("channel-post:" + id).block();
        ZonedDateTime midnight = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(1)
                .atStartOfDay(ZoneId.of("Asia/Shanghai"));
        assertThat(waiting.runAt()).as("a spent daily quota waits for tomorrow").isAfter(midnight.toInstant());
        JsonNode quota = editor.get("/api/console/channel-posts/" + id).json();
        assertThat(quota.get("state").asString()).isEqualTo("POSTING");
        assertThat(quota.get("history").toString()).contains("-1", "45009", "当日上限", "次日");
        assertThat(wechat.publications()).isEmpty();

        jobs.expedite("channel-post:" + id).block();
        ChannelFixtures.awaitState(editor, id, "PUBLISHED", Duration.ofSeconds(30));
        assertThat(wechat.publications()).hasSize(1);
        assertThat(wechat.forcedRefreshes()).as("an expired token is renewed once, by force").isEqualTo(1);
    }

    @Test
    void aWhitelistProblemStopsWithAPlainReasonAndAnEditorCanRetry() throws Exception {
        String content = article("白名单问题");
        wechat.ipWhitelistBlocked(true);
        wechat.expireTokens();
        String id = ChannelFixtures.schedule(editor, content, "WECHAT", fields("白名单问题"), Instant.now());
        JsonNode failed = ChannelFixtures.awaitState(editor, id, "FAILED", Duration.ofSeconds(30));
        assertThat(failed.get("failureCode").asString()).isEqualTo("40164");
        assertThat(failed.get("failure").asString()).contains("IP 白名单");
        assertThat(ChannelFixtures.account(editor, "WECHAT").get("state").asString())
                .as("an IP whitelist problem is not an authorisation problem").isEqualTo("CONNECTED");

        wechat.ipWhitelistBlocked(false);
        editor.post("/api/console/channel-posts/" + id + "/retry", null).expectStatus(200);
        ChannelFixtures.awaitState(editor, id, "PUBLISHED", Duration.ofSeconds(30));
        assertThat(wechat.publications()).hasSize(1);
    }

    @Test
    void wechatLimitsAreNamedBeforeScheduling() {
        String content = article("限制");
        Map<String, Object> f = fields("标".repeat(33));
        f.put("description", "摘".repeat(129));
        f.put("author", "作".repeat(17));
        JsonNode problem = editor.post("/api/console/channel-posts", Map.of("contentId", content, "channel", "WECHAT",
                "scheduledAt", Instant.now().toString(), "fields", f)).expectStatus(400).json();
        assertThat(problem.get("detail").asString()).contains("标题有 33 个字，最多 32 个", "摘要有 129 个字，最多 128 个",
                "作者有 17 个字，最多 16 个");
        String longArticle = ChannelFixtures.published(editor, reviewer, Map.of("kind", "ARTICLE", "title", "长文",
                "coverUrl", cover, "body", "<p>" + "法".repeat(20_000) + "</p>"));
        assertThat(editor.post("/api/console/channel-posts", Map.of("contentId", longArticle, "channel", "WECHAT",
                "scheduledAt", Instant.now().toString(), "fields", fields("长文"))).expectStatus(400).json()
                .get("detail").asString()).contains("微信要求少于 20000 个");
        assertThat(mongo.count(new Query(), ChannelPost.class).block()).isZero();
    }
}
