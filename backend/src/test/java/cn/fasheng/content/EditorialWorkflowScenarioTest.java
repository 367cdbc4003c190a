package cn.fasheng.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import cn.fasheng.support.TinyImages;
import tools.jackson.databind.JsonNode;

/** An article from first draft to the public column and back offline, through the console API. */
@FashengAppTest
class EditorialWorkflowScenarioTest {

    @Autowired
    WebTestClient http;

    @Test
    void draftReviewRejectResubmitApproveScheduleGoLiveAndGoOffline() throws Exception {
        ConsoleClient editor = TestUsers.create(http, "wf.editor", "王编辑", "EDITOR");
        ConsoleClient reviewer = TestUsers.create(http, "wf.reviewer", "赵审核", "REVIEWER");
        ConsoleClient admin = ConsoleClient.admin(http);

        String image = editor.upload("/api/console/uploads/images", "图.png", TinyImages.png(Color.RED))
                .expectStatus(201).json().get("url").asString();
        editor.upload("/api/console/uploads/images", "fake.png", "<svg onload=alert(1)>".getBytes())
                .expectStatus(415);

        Map<String, Object> draft = new HashMap<>(Map.of("kind", "ARTICLE", "title", "租房合同里的押金怎么退",
                "summary", "租期届满押金迟迟不退怎么办？民法典给出了答案。", "topics", List.of("civil-code"),
                "tags", List.of("租房", "押金"), "source", "杨浦区司法局",
                "body", "<h2>押金</h2><p>押金应当退还<script>alert(1)</script></p><img src=\"" + image + "\" alt=\"示意图\">"
                        + "<table><tbody><tr><th><p>情形</p></th><th><p>做法</p></th></tr>"
                        + "<tr><td><p>无损坏</p></td><td><p>全额退还</p></td></tr></tbody></table>"
                        + "<p onclick=\"steal()\"><a href=\"javascript:alert(1)\">点我</a></p>"));
        JsonNode created = editor.post("/api/console/contents", draft).expectStatus(201).json();
        String id = created.get("id").asString();
        assertThat(created.get("state").asString()).isEqualTo("DRAFT");
        assertThat(created.get("body").asString()).contains("<table>", "src=\"" + image + "\"", "点我")
                .doesNotContain("script", "onclick", "javascript");
        String slug = created.get("slug").asString();
        assertThat(slug).matches("\\d{8}-[a-z0-9]{6}");

        draft.put("version", created.get("version").asLong());
        draft.put("summary", "第二稿摘要");
        JsonNode second = editor.put("/api/console/contents/" + id, draft).expectStatus(200).json();
        draft.put("summary", "一份过期的修改");
        JsonNode stale = editor.put("/api/console/contents/" + id, draft).expectStatus(409).json();
        assertThat(stale.get("detail").asString()).contains("已被他人修改");
        assertThat(editor.get("/api/console/contents/" + id).json().get("summary").asString()).isEqualTo("第二稿摘要");
        draft.put("version", second.get("version").asLong());

        editor.post("/api/console/contents/" + id + "/submit", null).expectStatus(200);
        assertThat(editor.post("/api/console/contents/" + id + "/approve", Map.of()).expectStatus(403).json()
                .get("detail").asString()).contains("审核人员");
        editor.put("/api/console/contents/" + id, draft).expectStatus(409);
        JsonNode queue = reviewer.get("/api/console/review-queue").expectStatus(200).json();
        assertThat(queue.findValuesAsString("id")).contains(id);

        reviewer.post("/api/console/contents/" + id + "/reject", Map.of("comment", "")).expectStatus(400);
        JsonNode rejected = reviewer.post("/api/console/contents/" + id + "/reject",
                Map.of("comment", "请补充法条出处")).expectStatus(200).json();
        assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("reviewComment").asString()).isEqualTo("请补充法条出处");

        draft.put("version", rejected.get("version").asLong());
        draft.put("body", draft.get("body") + "<p>依据：《中华人民共和国民法典》第七百零三条。</p>");
        editor.put("/api/console/contents/" + id, draft).expectStatus(200);
        editor.post("/api/console/contents/" + id + "/submit", null).expectStatus(200);
        JsonNode approved = reviewer.post("/api/console/contents/" + id + "/approve", Map.of("comment", "同意"))
                .expectStatus(200).json();
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");

        http.get().uri("/articles/" + slug).exchange().expectStatus().isNotFound();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(2);
        JsonNode scheduled = reviewer.post("/api/console/contents/" + id + "/schedule", Map.of("publishAt", at.toString()))
                .expectStatus(200).json();
        assertThat(scheduled.get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(admin.get("/api/console/calendar?from=" + at.toLocalDate() + "&to=" + at.toLocalDate())
                .json().findValuesAsString("id")).contains(id);

        JsonNode live = waitForState(editor, id, "PUBLISHED", Duration.ofSeconds(20));
        assertThat(live.get("publicUrl").asString()).isEqualTo("/articles/" + slug);
        String page = body(http.get().uri("/articles/" + slug).exchange().expectStatus().isOk());
        assertThat(page).contains("租房合同里的押金怎么退", "第七百零三条", "<table>", "name=\"ArticleTitle\"");
        assertThat(body(http.get().uri("/search?q=押金退还").exchange().expectStatus().isOk()))
                .contains("<mark>押金</mark>", "/articles/" + slug);
        assertThat(body(http.get().uri("/feed.xml").exchange().expectStatus().isOk())).contains("租房合同里的押金怎么退");

        JsonNode revisions = editor.get("/api/console/contents/" + id + "/revisions").expectStatus(200).json();
        assertThat(revisions.size()).isEqualTo(3);
        JsonNode diff = editor.get("/api/console/contents/" + id + "/revisions/diff?from=2&to=3").json();
        assertThat(diff.get("body").findValuesAsString("text")).contains("依据：《中华人民共和国民法典》第七百零三条。");
        editor.post("/api/console/contents/" + id + "/revisions/1/restore", Map.of("version", live.get("version").asLong()))
                .expectStatus(409);

        List<String> audit = StreamSupport.stream(admin.get("/api/console/audit?size=200").json().get("items").spliterator(), false)
                .filter(event -> event.get("target").asString().contains(id))
                .map(event -> event.get("actionLabel").asString()).toList();
        assertThat(audit).contains("新建内容", "提交审核", "退回", "审核通过", "排期发布", "发布");
        assertThat(audit.stream().filter("发布"::equals)).hasSize(1);

        editor.post("/api/console/contents/" + id + "/unpublish",
                Map.of("at", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(2).toString())).expectStatus(200);
        waitForState(editor, id, "ARCHIVED", Duration.ofSeconds(20));
        http.get().uri("/articles/" + slug).exchange().expectStatus().isNotFound();
        assertThat(body(http.get().uri("/search?q=押金退还").exchange().expectStatus().isOk())).doesNotContain("/articles/" + slug);
    }

    @Test
    void twoReviewLevelsAreEnforcedWhenConfiguredAndAuthorsCannotReviewThemselves() {
        ConsoleClient author = TestUsers.create(http, "self.reviewer", "钱审核", "EDITOR", "REVIEWER");
        JsonNode created = author.post("/api/console/contents", Map.of("kind", "VIDEO", "title", "自审测试",
                "body", "<p>视频说明</p>")).expectStatus(201).json();
        String id = created.get("id").asString();
        author.post("/api/console/contents/" + id + "/submit", null).expectStatus(200);
        JsonNode refused = author.post("/api/console/contents/" + id + "/approve", Map.of()).expectStatus(403).json();
        assertThat(refused.get("detail").asString()).contains("不能审核自己");
        assertThat(author.get("/api/console/contents/" + id).json().get("state").asString()).isEqualTo("IN_REVIEW");
    }

    static JsonNode waitForState(ConsoleClient client, String id, String state, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode current = client.get("/api/console/contents/" + id).json();
        while (!current.get("state").asString().equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            current = client.get("/api/console/contents/" + id).json();
        }
        assertThat(current.get("state").asString()).isEqualTo(state);
        return current;
    }

    static String body(WebTestClient.ResponseSpec response) {
        byte[] bytes = response.expectBody().returnResult().getResponseBody();
        return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
