package cn.fasheng.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The column works under a path prefix of the district portal, e.g. /fsay/. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.webflux.base-path=/fsay", "fasheng.data-dir=test-data/base-path-${random.uuid}",
        "fasheng.public-base-url=https://www.example.gov.cn/fsay"})
class BasePathTest {

    @LocalServerPort
    int port;

    @Test
    void pagesLinksAssetsAndConsoleLiveUnderThePrefix() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        http.get().uri("/fsay").exchange().expectStatus().isOk();
        Document home = Jsoup.parse(http.get().uri("/fsay/").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(home.select("html").attr("data-base")).isEqualTo("/fsay");
        assertThat(home.select("nav.site-nav a").eachAttr("href")).containsExactly("/fsay/", "/fsay/articles",
                "/fsay/videos", "/fsay/animations", "/fsay/topics", "/fsay/debate", "/fsay/landscape", "/fsay/search", "/fsay/about");
        assertThat(home.select("link[rel=canonical]").attr("href")).isEqualTo("https://www.example.gov.cn/fsay/");
        assertThat(home.select(".card-link").eachAttr("href")).isNotEmpty().allMatch(href -> href.startsWith("/fsay/"));
        assertThat(home.select(".card-cover").eachAttr("src")).isNotEmpty().allMatch(src -> src.startsWith("/fsay/media/images/"));
        String css = home.select("link[rel=stylesheet]").attr("href");
        assertThat(css).startsWith("/fsay/assets/");
        http.get().uri(css).exchange().expectStatus().isOk();

        Document debate = Jsoup.parse(http.get().uri("/fsay/debate/demo-2026").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(debate.select("[data-live-region]").attr("data-live-url")).isEqualTo("/fsay/debate/demo-2026/live");
        assertThat(debate.select("nav.debate-nav a").eachAttr("href")).allMatch(href -> href.startsWith("/fsay/debate/demo-2026"));

        // The demo micro-landscapes: map, list and site page links, and the QR code's short address, under the prefix.
        Document landscape = Jsoup.parse(http.get().uri("/fsay/landscape").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(landscape.select("a.map-marker").eachAttr("href")).isNotEmpty().allMatch(href -> href.startsWith("/fsay/landscape/"));
        assertThat(landscape.select("ol.sites h3 a").eachAttr("href")).isNotEmpty().allMatch(href -> href.startsWith("/fsay/landscape/"));
        String sitePath = landscape.select("ol.sites h3 a").first().attr("href");
        Document site = Jsoup.parse(http.get().uri(sitePath).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        String shortUrl = site.select(".site-poster p").first().text().replaceAll(".*短地址：", "");
        assertThat(shortUrl).matches("https://www\\.example\\.gov\\.cn/fsay/s/[2-9a-z]{6}");
        http.get().uri(shortUrl.replace("https://www.example.gov.cn", "")).header("User-Agent", "Mozilla/5.0 (iPhone)").exchange()
                .expectStatus().isFound().expectHeader().location(sitePath);
        assertThat(site.select("img.site-qr").attr("src")).startsWith("/fsay/landscape/");
        assertThat(site.select("img.site-photos, .site-photos img").eachAttr("src")).allMatch(src -> src.startsWith("/fsay/media/images/"));
        // The page's counting report goes to the prefixed address, which the web server answers itself.
        assertThat(site.select("html").attr("data-base")).isEqualTo("/fsay");
        String siteId = site.select("main[data-reach-target=site]").attr("data-reach-id");
        http.post().uri("/fsay/api/public/reach").header("Content-Type", "application/json").header("User-Agent", "Mozilla/5.0 (iPhone)")
                .bodyValue("{\"event\":\"view\",\"target\":\"site\",\"id\":\"" + siteId + "\"}").exchange().expectStatus().isNoContent();

        Document console = Jsoup.parse(http.get().uri("/fsay/console/users").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(console.select("script[type=module]").attr("src")).startsWith("/fsay/assets/console-");
        http.get().uri("/fsay/api/console/auth/me").exchange().expectStatus().isUnauthorized()
                .expectCookie().path("XSRF-TOKEN", "/fsay");
    }
}
