package cn.fasheng.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.platform.storage.S3Endpoint;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.OtherInstance;

/**
 * Counting what the public reads and watches: daily per-page documents that hold figures and nothing about anyone,
 * crawlers and reloads left out, nothing lost when many readers and two instances count at once.
 */
@FashengAppTest
class ReachCountingTest {

    static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.50";
    static final String ARTICLE = "/articles/telecom-fraud-types-prevention";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ReachCounter counter;

    @Autowired
    MongoConnectionDetails mongoDetails;

    @Autowired
    S3Endpoint s3;

    private String articleId() {
        byte[] page = http.get().uri(ARTICLE).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return Jsoup.parse(new String(page, StandardCharsets.UTF_8)).selectFirst("main[data-reach-target=content]").attr("data-reach-id");
    }

    private long shownViews() {
        byte[] page = http.get().uri(ARTICLE).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return Long.parseLong(Jsoup.parse(new String(page, StandardCharsets.UTF_8)).select(".content-meta span").stream()
                .filter(s -> s.text().startsWith("阅读 ")).findFirst().orElseThrow().text().substring(3));
    }

    private WebTestClient.ResponseSpec report(String userAgent, String json) {
        return http.post().uri("/api/public/reach").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.USER_AGENT, userAgent).bodyValue(json).exchange();
    }

    private Document day(String target, String id) {
        String day = LocalDate.now(ShanghaiTime.ZONE).toString();
        return mongo.getCollection("reach_days").flatMap(c -> reactor.core.publisher.Mono.from(
                c.find(new Document("_id", target + ":" + id + ":" + day)).first())).block();
    }

    private static long number(Document doc, String field) {
        return doc == null || doc.get(field) == null ? 0 : ((Number) doc.get(field)).longValue();
    }

    @Test
    void viewsAndPlaysAreCountedPerPageAndDayWithNothingAboutTheReaderStored() {
        String id = articleId();
        counter.flush().block();
        long shown = shownViews();
        Document before = day("content", id);
        assertThat(shownViews()).as("rendering a page counts nothing by itself").isEqualTo(shown);

        String view = "{\"event\":\"view\",\"target\":\"content\",\"id\":\"" + id + "\"}";
        report(PHONE, view).expectStatus().isNoContent().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().isEmpty();
        report(PHONE, view).expectStatus().isNoContent();
        report(PHONE.replace("17_0", "16_4"), view).expectStatus().isNoContent();
        report("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", view).expectStatus().isNoContent();
        report("", view).expectStatus().isNoContent();
        report(PHONE, "{\"event\":\"play\",\"target\":\"content\",\"id\":\"" + id + "\"}").expectStatus().isNoContent();
        for (int percent : new int[] {25, 50, 50, 100}) {
            report(PHONE, "{\"event\":\"progress\",\"target\":\"content\",\"id\":\"" + id + "\",\"percent\":" + percent + "}")
                    .expectStatus().isNoContent();
        }
        report(PHONE, "{\"event\":\"view\",\"target\":\"content\",\"id\":\"nosuchcontent000000000000\"}").expectStatus().isNoContent();
        counter.flush().block();

        Document after = day("content", id);
        assertThat(number(after, "views") - number(before, "views")).as("a reload and crawlers are not counted").isEqualTo(2);
        assertThat(number(after, "plays") - number(before, "plays")).isEqualTo(1);
        assertThat(number(after, "p25") - number(before, "p25")).isEqualTo(1);
        assertThat(number(after, "p50") - number(before, "p50")).isEqualTo(1);
        assertThat(number(after, "p100") - number(before, "p100")).isEqualTo(1);
        assertThat(after.keySet()).as("figures only: no address, user agent, hash or cookie")
                .isSubsetOf(Set.of("_id", "_class", "target", "targetId", "day", "views", "plays", "p25", "p50", "p75", "p100"));
        assertThat(day("content", "nosuchcontent000000000000")).as("a made-up page leaves nothing behind").isNull();
        assertThat(shownViews()).isEqualTo(shown + 2);
    }

    @Test
    void badReportsAreRefusedInChinese() {
        report(PHONE, "{\"event\":\"progress\",\"target\":\"content\",\"id\":\"abc\",\"percent\":30}").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("25、50、75 或 100"));
        report(PHONE, "{\"event\":\"view\",\"target\":\"somewhere\",\"id\":\"abc\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("页面类型"));
        report(PHONE, "{\"event\":\"view\",\"target\":\"content\",\"id\":\"../../etc\"}").expectStatus().isBadRequest();
    }

    @Test
    void manyReadersOnTwoInstancesAreAllCounted() throws Exception {
        String id = articleId();
        counter.flush().block();
        long before = number(day("content", id), "views");
        try (ConfigurableApplicationContext second = OtherInstance.start(mongoDetails, s3)) {
            String other = "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port");
            String self = "http://127.0.0.1:" + http.get().uri("/").exchange().returnResult(String.class).getUrl().getPort();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> sent = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                sent.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 150; i++) {
                        String base = (i % 2 == 0) ? self : other;
                        HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/api/public/reach"))
                                .header("Content-Type", "application/json")
                                .header("User-Agent", PHONE + " reader/" + thread + "-" + i)
                                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"view\",\"target\":\"content\",\"id\":\"" + id + "\"}"))
                                .build(), HttpResponse.BodyHandlers.discarding());
                        ok += answer.statusCode() == 204 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int accepted = 0;
            for (Future<Integer> f : sent) {
                accepted += f.get();
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(1200);
        }
        // The other instance wrote what it had gathered as it shut down; this one writes now.
        counter.flush().block();
        assertThat(number(day("content", id), "views") - before).isEqualTo(1200);
    }
}
