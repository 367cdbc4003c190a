package cn.fasheng.publishing.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class WechatArticleTest {

    @Test
    void picturesComeFromWechatAndPresentationIsInline() {
        String html = "<h2 class=\"x\">标题</h2><p>正文<a href=\"https://example.org\">链接</a></p>"
                + "<img src=\"/media/images/a.png\" alt=\"图\" loading=\"lazy\"><img src=\"https://example.org/b.png\">"
                + "<iframe src=\"https://example.org\"></iframe><table><tr><td colspan=\"2\">格</td></tr></table>";
        String out = WechatArticle.convert(html, Map.of("/media/images/a.png", "http://mmbiz.qpic.cn/fake/1.png"), null);
        assertThat(out).contains("<img src=\"http://mmbiz.qpic.cn/fake/1.png\" style=\"display:block;max-width:100%;",
                "<h2 style=\"margin:1.2em 0 .6em;", "正文链接", "colspan=\"2\"")
                .doesNotContain("example.org", "class=", "<a", "iframe", "loading=", "/media/images/a.png");
        assertThat(WechatArticle.images(html)).containsExactly("/media/images/a.png", "https://example.org/b.png");
    }
}
