package cn.fasheng.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public column over the demo content seeded on first start. */
@FashengAppTest
class PublicColumnTest {

    @Autowired
    WebTestClient http;

    @Test
    void homeShowsFeaturedLatestVideosAnimationsAndTopicBlocksAndRevalidatesWithEtag() {
        EntityExchangeResult<byte[]> first = get("/", null);
        Document home = html(first);
        assertThat(home.select("#featured-title").text()).isEqualTo("推荐");
        assertThat(home.select("section[aria-labelledby=featured-title] .card-title").eachText())
                .contains("常见电信网络诈骗类型与防范要点", "反诈“三不一多”，一分钟记牢");
        assertThat(home.select("section[aria-labelledby=videos-title] .card")).hasSizeBetween(3, 4);
        assertThat(home.select("section[aria-labelledby=animations-title] .card-title").eachText())
                .contains("宪法在身边", "保护个人信息，从小做起").hasSizeLessThanOrEqualTo(4);
        assertThat(home.select(".topic-block h2").eachText()).contains("专题：优化营商环境", "专题：反电信网络诈骗");
        assertThat(first.getResponseHeaders().getCacheControl()).isEqualTo("public, no-cache");
        assertThat(first.getResponseHeaders().getFirst("Content-Security-Policy"))
                .contains("script-src 'self';").doesNotContain("unsafe-eval");
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).startsWith("W/\"");
        http.get().uri("/").header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified()
                .expectBody().isEmpty();
    }

    @Test
    void articlePageCarriesGovernmentMetaOpenGraphCanonicalAndCountsViews() {
        Document page = html(get("/articles/telecom-fraud-types-prevention", null));
        assertThat(page.select("h1").text()).isEqualTo("常见电信网络诈骗类型与防范要点");
        assertThat(page.select("meta[name=ArticleTitle]").attr("content")).isEqualTo("常见电信网络诈骗类型与防范要点");
        assertThat(page.select("meta[name=PubDate]").attr("content")).matches("\\d{4}-\\d{2}-\\d{2} 09:30");
        assertThat(page.select("meta[name=ContentSource]").attr("content")).isNotBlank();
        assertThat(page.select("meta[name=ColumnName]").attr("content")).isEqualTo("法声昂\"杨\"");
        assertThat(page.select("meta[name=Keywords]").attr("content")).contains("反诈", "反电信网络诈骗");
        assertThat(page.select("meta[name=Description]").attr("content")).isNotBlank();
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo("常见电信网络诈骗类型与防范要点");
        assertThat(page.select("meta[property=og:image]").attr("content")).startsWith("http://localhost:8080/media/images/");
        assertThat(page.select("link[rel=canonical]").attr("href"))
                .isEqualTo("http://localhost:8080/articles/telecom-fraud-types-prevention");
        assertThat(page.select(".content-body table")).isNotEmpty();
        assertThat(page.select("main[data-reach-target=content]").attr("data-reach-id")).isNotBlank();
        long before = views(page);
        EntityExchangeResult<byte[]> second = get("/articles/telecom-fraud-types-prevention", null);
        // Views are counted by the page's script (see ReachCountingTest), so a cached or crawled page counts nothing.
        assertThat(views(html(second))).isEqualTo(before);
        String etag = second.getResponseHeaders().getETag();
        assertThat(second.getResponseHeaders().getCacheControl()).isEqualTo("public, no-cache");
        http.get().uri("/articles/telecom-fraud-types-prevention").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified().expectBody().isEmpty();
        http.get().uri("/videos/telecom-fraud-types-prevention").exchange().expectStatus().isNotFound();
    }

    @Test
    void videoPagesPlayTheTranscodedVideoWithPosterAndHls() throws InterruptedException {
        Document page = html(get("/videos/anti-fraud-four-rules-video", null));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (page.select("figure.player video").isEmpty() && System.nanoTime() < deadline) {
            assertThat(page.select(".media-status").text()).contains("处理中");
            Thread.sleep(500);
            page = html(get("/videos/anti-fraud-four-rules-video", null));
        }
        var video = page.select("figure.player video");
        String mp4 = video.select("source[type=video/mp4]").attr("src");
        assertThat(mp4).matches("/media/assets/[0-9a-f]{24}/r\\d+/360p\\.mp4");
        assertThat(video.attr("poster")).endsWith("/poster.jpg");
        assertThat(video.attr("data-hls")).endsWith("/hls/master.m3u8");
        assertThat(video.attr("preload")).isEqualTo("none");
        assertThat(video.select("a").attr("href")).isEqualTo(mp4);
        http.get().uri(mp4).exchange().expectStatus().isOk().expectHeader().contentType("video/mp4")
                .expectHeader().valueEquals("Accept-Ranges", "bytes");
        http.get().uri(video.attr("data-hls")).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.apple.mpegurl");
    }

    @Test
    void animationsLoopSilently() throws InterruptedException {
        Document page = html(get("/animations/constitution-around-us-animation", null));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (page.select("video[data-animation]").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            page = html(get("/animations/constitution-around-us-animation", null));
        }
        var video = page.select("video[data-animation]");
        assertThat(video.hasAttr("loop") && video.hasAttr("muted") && video.hasAttr("autoplay")).isTrue();
        assertThat(video.select("source").attr("src")).endsWith(".mp4");
        assertThat(video.attr("data-hls")).isEmpty();
    }

    @Test
    void kindListsPageByKeysetNewestFirstWithoutOverlap() {
        List<String> titles = new ArrayList<>();
        String next = "/articles";
        List<String> dates = new ArrayList<>();
        int pages = 0;
        while (next != null) {
            pages++;
            Document page = html(get(next, null));
            titles.addAll(page.select(".card-title").eachText());
            dates.addAll(page.select(".card time").eachAttr("datetime"));
            String href = page.select("a[rel=next]").attr("href");
            next = href.isEmpty() ? null : href;
        }
        assertThat(titles).doesNotHaveDuplicates().contains("给企业做一次“法治体检”：民营企业合规经营要点",
                "法声昂“杨”年度法治宣传重点活动一览");
        assertThat(titles.size()).isGreaterThanOrEqualTo(12);
        assertThat(pages).isGreaterThan(1);
        List<String> sorted = new ArrayList<>(dates);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertThat(dates).isEqualTo(sorted);
    }

    @Test
    void searchSegmentsChineseFiltersByKindAndTopicAndMarksTheWords() {
        Document results = html(get("/search?q=电信诈骗", null));
        assertThat(results.select(".card-title").eachText()).contains("常见电信网络诈骗类型与防范要点");
        assertThat(results.select(".card mark")).isNotEmpty();
        assertThat(html(get("/search?q=电信诈骗&kind=videos", null)).select(".card .card-kind").eachText())
                .isNotEmpty().containsOnly("微视频");
        assertThat(html(get("/search?q=民法典&topic=minors", null)).select(".card-title").eachText())
                .doesNotContain("民法典里的“远亲不如近邻”：相邻关系怎么处理");
        assertThat(html(get("/search?q=电信诈骗&from=2000-01-01&to=2000-12-31", null)).select(".card")).isEmpty();
        assertThat(html(get("/search?q=，", null)).text()).contains("请换一个更具体的关键词");
    }

    @Test
    void feedsAreWellFormedAndTheJsonFeedAnswersConditionalRequests() throws Exception {
        org.w3c.dom.Document rss = xml(get("/feed.xml", null));
        assertThat(rss.getElementsByTagName("item").getLength()).isGreaterThanOrEqualTo(17);
        assertThat(rss.getElementsByTagName("link").item(1).getTextContent()).startsWith("http://localhost:8080/");
        org.w3c.dom.Document atom = xml(get("/topics/anti-fraud/atom.xml", null));
        assertThat(atom.getElementsByTagName("entry").getLength()).isGreaterThanOrEqualTo(3);
        http.get().uri("/topics/no-such-topic/feed.xml").exchange().expectStatus().isNotFound();
        org.w3c.dom.Document sitemap = xml(get("/sitemap.xml", null));
        assertThat(sitemap.getDocumentElement().getTextContent())
                .contains("http://localhost:8080/videos/anti-fraud-four-rules-video", "http://localhost:8080/topics/civil-code");

        EntityExchangeResult<byte[]> feed = get("/feed.json", null);
        JsonNode json = JsonMapper.builder().build().readTree(feed.getResponseBody());
        assertThat(json.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        JsonNode item = json.get("items").get(0);
        assertThat(item.get("url").asString()).startsWith("http://localhost:8080/");
        assertThat(item.get("_fasheng").get("kind").asString()).isIn("ARTICLE", "VIDEO", "ANIMATION");
        String etag = feed.getResponseHeaders().getETag();
        String lastModified = feed.getResponseHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();
        http.get().uri("/feed.json").header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified();
        http.get().uri("/feed.json").header(HttpHeaders.IF_MODIFIED_SINCE, lastModified).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void draftsStayOutOfThePublicColumnAndPreviewNeedsALogin() {
        ConsoleClient admin = ConsoleClient.admin(http);
        JsonNode draft = admin.post("/api/console/contents", Map.of("kind", "ARTICLE", "title", "尚未发布的草稿稿件",
                "slug", "unpublished-draft", "body", "<p>草稿正文保密</p>")).expectStatus(201).json();
        http.get().uri("/articles/unpublished-draft").exchange().expectStatus().isNotFound();
        assertThat(html(get("/search?q=草稿正文保密", null)).text()).doesNotContain("尚未发布的草稿稿件");
        String preview = "/api/console/contents/" + draft.get("id").asString() + "/preview";
        http.get().uri(preview).exchange().expectStatus().isUnauthorized();
        ConsoleClient.Response shown = admin.get(preview).expectStatus(200);
        assertThat(shown.body()).contains("尚未发布的草稿稿件", "预览：草稿");
        assertThat(shown.headers().getCacheControl()).contains("no-store");
    }

    private EntityExchangeResult<byte[]> get(String path, String etag) {
        WebTestClient.RequestHeadersSpec<?> request = http.get().uri(path);
        if (etag != null) {
            request.header(HttpHeaders.IF_NONE_MATCH, etag);
        }
        return request.exchange().expectStatus().isOk().expectBody().returnResult();
    }

    private static Document html(EntityExchangeResult<byte[]> result) {
        return Jsoup.parse(new String(result.getResponseBody(), StandardCharsets.UTF_8));
    }

    private static org.w3c.dom.Document xml(EntityExchangeResult<byte[]> result) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(result.getResponseBody()));
    }

    private static long views(Document page) {
        return Long.parseLong(page.select(".content-meta span").stream().filter(s -> s.text().startsWith("阅读 "))
                .findFirst().orElseThrow().text().substring(3));
    }
}
