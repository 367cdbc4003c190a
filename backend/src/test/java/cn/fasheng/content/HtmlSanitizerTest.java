package cn.fasheng.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    private static final Pattern DANGEROUS_URL = Pattern.compile("(?i)^\\s*(javascript|vbscript|livescript|data|mocha|jscript):");

    private final HtmlSanitizer sanitizer = new HtmlSanitizer("");

    @Test
    void noOwaspFilterEvasionVectorSurvives() throws IOException {
        List<String> vectors = vectors();
        assertThat(vectors).hasSizeGreaterThan(90);
        for (String vector : vectors) {
            String clean = sanitizer.clean("<p>before</p>" + vector + "<p>after</p>");
            for (Element element : Jsoup.parseBodyFragment(clean).body().getAllElements()) {
                if (element.tagName().equals("body")) {
                    continue;
                }
                assertThat(HtmlSanitizer.TAGS).as("tag from %s", vector).contains(element.tagName());
                for (Attribute attribute : element.attributes()) {
                    assertThat(attribute.getKey()).as("attribute from %s", vector)
                            .isIn("href", "target", "rel", "src", "alt", "title", "colspan", "rowspan", "start");
                    if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
                        assertThat(DANGEROUS_URL.matcher(attribute.getValue()).find())
                                .as("%s=%s from %s", attribute.getKey(), attribute.getValue(), vector).isFalse();
                    }
                }
                if (element.tagName().equals("img")) {
                    assertThat(element.attr("src")).as("image from %s", vector).startsWith("/media/images/");
                }
            }
            assertThat(clean).as("output of %s", vector).doesNotContainIgnoringCase("<script")
                    .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<style")
                    .contains("before");
        }
    }

    @Test
    void editorOutputPassesUnchanged() {
        String editor = "<h2>标题</h2><p>正文<strong>加粗</strong><em>斜体</em><u>下划线</u><s>删除</s><code>代码</code><br>换行</p>"
                + "<ul><li><p>一</p></li></ul><ol start=\"3\"><li><p>三</p></li></ol><blockquote><p>引用</p></blockquote>"
                + "<pre><code>code</code></pre><hr>"
                + "<p><a target=\"_blank\" rel=\"noopener noreferrer nofollow\" href=\"https://flk.npc.gov.cn/\">法律法规库</a></p>"
                + "<img src=\"/media/images/2026/11/1b2c-3d.png\" alt=\"图\">"
                + "<table><tbody><tr><th colspan=\"1\" rowspan=\"1\"><p>类型</p></th><th colspan=\"1\" rowspan=\"1\"><p>要点</p></th></tr>"
                + "<tr><td colspan=\"1\" rowspan=\"1\"><p>冒充客服</p></td><td colspan=\"2\" rowspan=\"1\"><p>挂断核实</p></td></tr></tbody></table>";
        assertThat(sanitizer.clean(editor)).isEqualTo(editor);
    }

    @Test
    void tableStylesAndForeignImagesAreDroppedButTablesKept() {
        String tiptap = "<table style=\"min-width: 50px;\"><colgroup><col style=\"min-width: 25px;\"></colgroup><tbody>"
                + "<tr><td colspan=\"1\" rowspan=\"1\"><p>A</p></td></tr></tbody></table>"
                + "<p class=\"x\" style=\"color:red\" onclick=\"alert(1)\">文字<img src=\"https://evil.example/x.png\"></p>"
                + "<p><a href=\"//evil.example/\">协议相对</a><a href=\"/articles/ok\" target=\"_top\">站内</a></p>";
        assertThat(sanitizer.clean(tiptap)).isEqualTo(
                "<table><tbody><tr><td colspan=\"1\" rowspan=\"1\"><p>A</p></td></tr></tbody></table>"
                        + "<p>文字</p><p>协议相对<a href=\"/articles/ok\">站内</a></p>");
    }

    @Test
    void imagesMustComeFromTheColumnsOwnStoreUnderItsBasePath() {
        HtmlSanitizer underPrefix = new HtmlSanitizer("/fsay");
        assertThat(underPrefix.clean("<img src=\"/fsay/media/images/a/b.jpg\" alt=\"\">")).contains("src=\"/fsay/media/images/a/b.jpg\"");
        assertThat(underPrefix.clean("<img src=\"/media/images/a/b.jpg\">")).doesNotContain("img");
        assertThat(underPrefix.clean("<img src=\"/fsay/media/images/../../x.jpg\">")).doesNotContain("img");
        assertThat(underPrefix.clean("<img src=\"data:image/png;base64,iVBORw0KGgo=\">")).doesNotContain("img");
    }

    static List<String> vectors() throws IOException {
        try (InputStream in = HtmlSanitizerTest.class.getResourceAsStream("/content/xss-vectors.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> vectors = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                if (line.equals("-----")) {
                    add(vectors, current);
                    current.setLength(0);
                }
                else if (!line.startsWith("#")) {
                    current.append(line).append('\n');
                }
            }
            add(vectors, current);
            return vectors;
        }
    }

    private static void add(List<String> vectors, StringBuilder current) {
        String vector = current.toString().strip();
        if (!vector.isEmpty()) {
            vectors.add(vector);
        }
    }
}
