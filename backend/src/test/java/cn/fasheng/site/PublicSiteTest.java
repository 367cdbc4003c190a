package cn.fasheng.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.support.FashengAppTest;

import static org.assertj.core.api.Assertions.assertThat;

@FashengAppTest
class PublicSiteTest {

    @Autowired
    WebTestClient http;

    @Test
    void homePageArrivesAsCompleteHtmlWithGovernmentIdentity() {
        Document page = page("/", null);
        assertThat(page.select("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(page.select("h1").text()).isEqualTo("法声昂\"杨\"");
        assertThat(page.select("meta[name=SiteIDCode]").attr("content")).isEqualTo("3101100099");
        assertThat(page.select("meta[name=ColumnName]").attr("content")).isEqualTo("法声昂\"杨\"");
        assertThat(page.select("meta[name=SiteName]").attr("content")).isEqualTo("上海市杨浦区司法局");
        assertThat(page.select("meta[name=SiteDomain]")).as("unconfigured items are left out").isEmpty();
        assertThat(page.select("nav[aria-label=栏目导航] a").eachText())
                .containsExactly("首页", "普法文章", "微视频", "微动画", "专题", "法治辩论赛", "法治微景观", "搜索", "关于栏目");
        String footer = page.select("footer").text();
        assertThat(footer).contains("主办单位", "上海市杨浦区司法局", "网站标识码", "3101100099",
                "ICP备案号", "沪ICP备00000000号-1", "公安备案号", "沪公网安备 31011002000000号", "021-00000000");
        assertThat(page.select("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(page.select("link[rel=stylesheet]").attr("href")).matches("/assets/site-.+\\.css");
    }

    @Test
    void elderModeComesFromTheCookieAndTheSwitchWorksWithoutScripts() {
        assertThat(page("/", null).select("html").hasClass("elder")).isFalse();
        assertThat(page("/about", "1").select("html").hasClass("elder")).isTrue();
        assertThat(page("/about", "1").select("[data-elder-toggle]").text()).isEqualTo("退出适老化模式");

        http.get().uri("/preferences/elder?on=1&back=/about").exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/about")
                .expectCookie().value(ElderPreference.COOKIE, value -> assertThat(value).isEqualTo("1"));
        http.get().uri("/preferences/elder?on=1&back=//evil.example/").exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/");
        http.get().uri("/preferences/elder?on=1&back=/about%0D%0ASet-Cookie:x=1").exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/");
    }

    @Test
    void hashedAssetsAreServedWithLongCaching() {
        String css = page("/", null).select("link[rel=stylesheet]").attr("href");
        http.get().uri(css).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("max-age=31536000"));
    }

    @Test
    void unknownPagesGetAChinese404() {
        String body = http.get().uri("/no-such-page").accept(org.springframework.http.MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("页面不存在");
    }

    private Document page(String path, String elderCookie) {
        WebTestClient.RequestHeadersSpec<?> request = http.get().uri(path);
        if (elderCookie != null) {
            request = request.cookie(ElderPreference.COOKIE, elderCookie);
        }
        String html = request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return Jsoup.parse(html);
    }
}
