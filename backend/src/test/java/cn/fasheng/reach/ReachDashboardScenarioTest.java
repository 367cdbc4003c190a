package cn.fasheng.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * What an editor sees on the dashboard after the public has read an article, opened the contest and scanned a
 * micro-landscape code, with a WeChat reading fetched for the article; and the monthly report built from it.
 */
@FashengAppTest
class ReachDashboardScenarioTest {

    static final String PHONE = "Mozilla/5.0 (Linux; Android 14; V2307A) AppleWebKit/537.36 Mobile Safari/537.36 MicroMessenger/8.0.49";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ReachCounter counter;

    @Autowired
    BlobStorage storage;

    private String reachId(String path) {
        byte[] page = http.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return Jsoup.parse(new String(page, StandardCharsets.UTF_8)).selectFirst("main[data-reach-id]").attr("data-reach-id");
    }

    private void view(String target, String id, String reader) {
        http.post().uri("/api/public/reach").contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.USER_AGENT, PHONE + " " + reader)
                .bodyValue(Map.of("event", "view", "target", target, "id", id)).exchange().expectStatus().isNoContent();
    }

    @Test
    void theDashboardAddsUpTheColumnTheChannelsTheContestAndTheSitesAndTheReportCarriesIt() throws Exception {
        ConsoleClient editor = TestUsers.create(http, "reach.editor", "孙编辑", "EDITOR");
        String article = reachId("/articles/telecom-fraud-types-prevention");
        String contest = reachId("/debate/demo-2026");
        JsonNode site = editor.get("/api/console/landscape/sites").json().get(0);
        JsonNode start = editor.get("/api/console/reach/figures?preset=month").expectStatus(200).json();
        long scansBefore = start.get("totals").get("qrScans").asLong();

        for (int reader = 0; reader < 5; reader++) {
            view("content", article, "r" + reader);
        }
        view("contest", contest, "r1");
        view("site", site.get("id").asString(), "r1");
        http.get().uri("/s/" + site.get("code").asString()).header(HttpHeaders.USER_AGENT, PHONE).exchange().expectStatus().isFound();
        counter.flush().block();
        String today = LocalDate.now(ShanghaiTime.ZONE).toString();
        mongo.getCollection("channel_figures").flatMap(c -> reactor.core.publisher.Mono.from(c.insertOne(new Document("_id", "WECHAT:p1:" + today)
                .append("channel", "WECHAT").append("postId", "p1").append("contentId", article).append("day", today)
                .append("reported", new Document("int_page_read_count", 40L)).append("gained", new Document("views", 40L).append("shares", 3L)))))
                .block();

        JsonNode month = editor.get("/api/console/reach/figures?preset=month").expectStatus(200).json();
        assertThat(month.get("title").asString()).isEqualTo("本月");
        assertThat(month.get("from").asString()).isEqualTo(LocalDate.now(ShanghaiTime.ZONE).withDayOfMonth(1).toString());
        JsonNode totals = month.get("totals");
        assertThat(totals.get("columnViews").asLong() - start.get("totals").get("columnViews").asLong()).isEqualTo(5);
        assertThat(totals.get("wechatReads").asLong() - start.get("totals").get("wechatReads").asLong()).isEqualTo(40);
        assertThat(totals.get("qrScans").asLong() - scansBefore).isEqualTo(1);
        JsonNode top = month.get("top").get(0);
        assertThat(top.get("title").asString()).isEqualTo("常见电信网络诈骗类型与防范要点");
        assertThat(top.get("wechat").asLong()).isEqualTo(40);
        assertThat(top.get("path").asString()).isEqualTo("/articles/telecom-fraud-types-prevention");
        JsonNode wechatDays = month.get("channels").get(2).get("values");
        assertThat(wechatDays.get(wechatDays.size() - 1).asLong()).isEqualTo(40);
        assertThat(month.get("contests").get(0).get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(month.get("sites").toString()).contains(site.get("name").asString());

        assertThat(editor.get("/api/console/reach/figures?from=2026-11-20&to=2026-11-01").expectStatus(400).body()).contains("结束日期不能早于开始日期");
        assertThat(editor.get("/api/console/reach/figures?from=2024-01-01&to=2026-11-01").expectStatus(400).body()).contains("最多统计 366 天");
        assertThat(editor.get("/api/console/reach/figures?preset=decade").expectStatus(400).body()).contains("本周、本月、本季度或本年");
        assertThat(editor.get("/api/console/reach/figures?preset=week").expectStatus(200).json().get("days").size()).isBetween(1, 7);
        http.get().uri("/api/console/reach/figures?preset=month").exchange().expectStatus().isUnauthorized();

        LocalDate now = LocalDate.now(ShanghaiTime.ZONE);
        JsonNode report = editor.post("/api/console/reach/reports", Map.of("period", "MONTH", "year", now.getYear(),
                "month", now.getMonthValue())).expectStatus(201).json();
        String title = now.getYear() + "年" + now.getMonthValue() + "月法治宣传传播力月报";
        assertThat(report.get("title").asString()).isEqualTo(title);
        assertThat(report.get("files")).hasSize(2);
        byte[] xlsx = editor.download(report.get("files").get(0).get("url").asString());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("概览");
            StringBuilder overview = new StringBuilder();
            book.getSheetAt(0).forEach(row -> row.forEach(cell -> overview.append(cell).append(' ')));
            assertThat(overview).contains("上海市杨浦区司法局", title);
        }
        byte[] pdf = editor.download(report.get("files").get(1).get("url").asString());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("上海市杨浦区司法局", title, "常见电信网络诈骗类型与防范要点");
        }
        JsonNode listed = editor.get("/api/console/reach/reports").expectStatus(200).json();
        assertThat(listed.get(0).get("id").asString()).isEqualTo(report.get("id").asString());

        long reports = mongo.count(new org.springframework.data.mongodb.core.query.Query(), ReachReport.class).block();
        long objects = storage.list("reports/reach/").count().block();
        assertThat(editor.post("/api/console/reach/reports", Map.of("period", "YEAR", "year", 2099)).expectStatus(400).body())
                .contains("还没有开始");
        assertThat(editor.post("/api/console/reach/reports", Map.of("period", "MONTH", "year", now.getYear(), "month", 13))
                .expectStatus(400).body()).contains("1 到 12");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), ReachReport.class).block()).isEqualTo(reports);
        assertThat(storage.list("reports/reach/").count().block()).isEqualTo(objects);
        editor.get("/api/console/reach/reports/" + report.get("id").asString() + "/doc").expectStatus(404);
    }
}
