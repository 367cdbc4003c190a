package cn.fasheng.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TinyImages;
import tools.jackson.databind.JsonNode;

/** Importing a page of the bureau's old site (GBK, tables, inline styles) served by a fake site on loopback. */
@FashengAppTest
class HtmlImportTest {

    private static final byte[] PHOTO = TinyImages.png(Color.BLUE);

    @Autowired
    WebTestClient http;

    private HttpServer oldSite;

    @BeforeEach
    void startOldSite() throws Exception {
        oldSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        oldSite.createContext("/uploads/photo.png", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, PHOTO.length);
            exchange.getResponseBody().write(PHOTO);
            exchange.close();
        });
        oldSite.createContext("/uploads/missing.jpg", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        oldSite.start();
    }

    @AfterEach
    void stopOldSite() {
        oldSite.stop(0);
    }

    @Test
    void keepsStructurePullsImagesIntoStorageAndReportsWhatFailed() {
        String base = "http://127.0.0.1:" + oldSite.getAddress().getPort() + "/news/2019/";
        String page = "<html><head><meta charset=\"gbk\"><title>旧站标题</title><style>p{color:red}</style></head><body>"
                + "<div class=\"nav\">首页 | 新闻</div><div class=\"TRS_Editor\"><h1>依法维权　理性表达</h1>"
                + "<p style=\"text-indent:2em\"><font color=\"red\"><b>重要提示</b></font>：请<i>依法</i>维权。</p>"
                + "<h5>一、法律依据</h5><ul><li>信访工作条例</li></ul>"
                + "<table border=\"1\" style=\"width:100%\"><tr><td>渠道</td><td>说明</td></tr><tr><td>12348</td><td>公共法律服务热线</td></tr></table>"
                + "<p><img src=\"../../uploads/photo.png\" alt=\"现场照片\" width=\"600\" onerror=\"alert(1)\"></p>"
                + "<p><img src=\"/uploads/missing.jpg\"></p><script>track()</script></div></body></html>";
        ConsoleClient editor = ConsoleClient.admin(http);
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new org.springframework.core.io.ByteArrayResource(page.getBytes(Charset.forName("GBK"))) {
            @Override
            public String getFilename() {
                return "old.html";
            }
        });
        parts.part("baseUrl", base);
        JsonNode result = editor.call(HttpMethod.POST, "/api/console/contents/import", parts).expectStatus(200).json();

        assertThat(result.get("title").asString()).isEqualTo("依法维权　理性表达");
        String body = result.get("body").asString();
        assertThat(body).contains("<strong>重要提示</strong>", "<em>依法</em>", "<h4>一、法律依据</h4>", "<li>信访工作条例</li>",
                "<td><p>12348</p></td>", "alt=\"现场照片\"")
                .doesNotContain("style", "font", "onerror", "script", "track", "首页 | 新闻", "127.0.0.1", "width");
        assertThat(result.get("images").asInt()).isEqualTo(1);
        assertThat(result.get("warnings").get(0).asString()).contains("missing.jpg");

        String stored = body.replaceAll("(?s).*src=\"([^\"]+)\".*", "$1");
        assertThat(stored).startsWith("/media/images/");
        byte[] served = http.get().uri(stored).exchange().expectStatus().isOk()
                .expectHeader().contentType("image/png").expectBody().returnResult().getResponseBody();
        assertThat(served).isEqualTo(PHOTO);
    }

    @Test
    void pastedHtmlWithoutAnythingUsableIsRefusedClearly() {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("html", " ");
        JsonNode problem = ConsoleClient.admin(http).call(HttpMethod.POST, "/api/console/contents/import", parts)
                .expectStatus(400).json();
        assertThat(problem.get("detail").asString()).isEqualTo("请上传 HTML 文件或粘贴 HTML 内容");
    }
}
