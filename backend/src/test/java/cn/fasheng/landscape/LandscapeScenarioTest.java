package cn.fasheng.landscape;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.platform.PlatformProperties;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A site from the editor's form to the board on site: photos with thumbnails, GCJ-02 coordinates converted, the
 * reviewer publishing it, the public pages, its QR code and poster leading to the short address, scans counted,
 * and links that survive a rename.
 */
@FashengAppTest
class LandscapeScenarioTest {

    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0.50";

    @Autowired
    WebTestClient http;

    @Autowired
    PlatformProperties platform;

    @Test
    void aSiteGoesFromTheEditorToItsBoardAndItsQrCodeLeadsToItsPageAfterARename() throws IOException {
        ConsoleClient editor = TestUsers.create(http, "scene-editor", "微景观编辑", "EDITOR");
        ConsoleClient reviewer = TestUsers.create(http, "scene-reviewer", "微景观审核", "REVIEWER");

        JsonNode photo = editor.upload("/api/console/landscape/photos", "长廊.png", picture(1600, 1000)).expectStatus(201).json();
        assertThat(width(photo.get("thumbUrl").asString())).isEqualTo(480);
        assertThat(width(photo.get("largeUrl").asString())).isEqualTo(1280);
        assertThat(photo.get("width").asInt()).isEqualTo(1600);

        Map<String, Object> site = LandscapeFixture.site("江浦路法治长廊", "江浦路街道", 31.2736, 121.5142, "GCJ02");
        site.put("slug", "jiangpu-gallery");
        site.put("descriptionHtml", "<p onclick=\"x()\">沿街<strong>法治</strong>故事</p><script>alert(1)</script>");
        site.put("photos", List.of(Map.of("url", photo.get("url").asString(), "thumbUrl", photo.get("thumbUrl").asString(),
                "largeUrl", photo.get("largeUrl").asString(), "alt", "长廊入口")));
        site.put("published", true);
        assertThat(editor.post("/api/console/landscape/sites", site).expectStatus(403).json().get("detail").asString())
                .contains("需审核人员或管理员");
        site.put("published", false);
        JsonNode draft = editor.post("/api/console/landscape/sites", site).expectStatus(201).json();
        String id = draft.get("id").asString();
        LatLng wgs = ChinaCoordinates.gcjToWgs(new LatLng(31.2736, 121.5142));
        assertThat(draft.get("location").get("lat").asDouble()).isCloseTo(wgs.lat(), within(1e-9));
        assertThat(draft.get("descriptionHtml").asString()).isEqualTo("<p>沿街<strong>法治</strong>故事</p>");
        assertThat(status(get("/landscape/jiangpu-gallery"))).as("a draft is not public").isEqualTo(404);

        site.put("published", true);
        site.put("version", draft.get("version").asLong());
        JsonNode live = reviewer.put("/api/console/landscape/sites/" + id, site).expectStatus(200).json();
        String code = live.get("code").asString();

        Document directory = Jsoup.parse(body(get("/landscape?street=江浦路街道")));
        assertThat(directory.select("ol.sites li h3 a").eachText()).contains("江浦路法治长廊");
        assertThat(directory.select("svg[data-district-map] a.map-marker").eachAttr("aria-label")).anyMatch(l -> l.endsWith("江浦路法治长廊"));
        assertThat(directory.select("svg path.selected").attr("data-street")).isEqualTo("江浦路街道");
        Document elsewhere = Jsoup.parse(body(get("/landscape?street=殷行街道")));
        assertThat(elsewhere.select("ol.sites li h3 a").eachText()).doesNotContain("江浦路法治长廊");

        Document page = Jsoup.parse(body(get("/landscape/jiangpu-gallery")));
        assertThat(page.select("h1").text()).isEqualTo("江浦路法治长廊");
        assertThat(page.select(".site-photos img").attr("src")).isEqualTo(photo.get("thumbUrl").asString());
        assertThat(page.select(".site-photos img").attr("alt")).isEqualTo("长廊入口");
        assertThat(page.select(".site-facts").text()).contains("全天开放", "无障碍通道（无台阶）", "入口有坡道");
        // 高德 takes GCJ-02: the link carries the point as the editor picked it.
        assertThat(page.select("a[href^=https://uri.amap.com/marker]").attr("href")).contains("position=121.514200,31.273600");
        assertThat(page.select(".site-description div").html()).isEqualTo("<p>沿街<strong>法治</strong>故事</p>");

        String shortUrl = platform.publicBaseUrl() + "/s/" + code;
        assertThat(QrDecoder.fromPng(editor.download("/api/console/landscape/sites/" + id + "/qr.png"))).isEqualTo(shortUrl);

        byte[] pdf = bytes(get("/landscape/jiangpu-gallery/poster.pdf"));
        try (PDDocument poster = Loader.loadPDF(pdf)) {
            assertThat(poster.getNumberOfPages()).isEqualTo(1);
            PDRectangle size = poster.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(0.5f));
            assertThat(size.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(0.5f));
            String text = new PDFTextStripper().getText(poster);
            assertThat(text).contains("江浦路法治长廊", "家门口法治微景观", "扫码了解更多", "江浦路街道某路 1 号", shortUrl);
            assertThat(poster.getPage(0).getResources().getXObjectNames()).as("the photo").hasSize(1);
        }
        assertThat(QrDecoder.fromPdf(pdf)).as("the poster's printed code").isEqualTo(shortUrl);

        // Renamed: the board's code still works, and so do links to the old address.
        site.put("slug", "jiangpu-law-gallery");
        site.put("version", live.get("version").asLong());
        reviewer.put("/api/console/landscape/sites/" + id, site).expectStatus(200);
        EntityExchangeResult<byte[]> scan = http.get().uri("/s/" + code).header(HttpHeaders.USER_AGENT, PHONE).exchange()
                .expectBody().returnResult();
        assertThat(scan.getStatus().value()).isEqualTo(302);
        assertThat(scan.getResponseHeaders().getLocation()).hasToString("/landscape/jiangpu-law-gallery");
        EntityExchangeResult<byte[]> old = get("/landscape/jiangpu-gallery");
        assertThat(old.getStatus().value()).isEqualTo(301);
        assertThat(old.getResponseHeaders().getLocation()).hasToString("/landscape/jiangpu-law-gallery");
        assertThat(QrDecoder.fromPng(editor.download("/api/console/landscape/sites/" + id + "/qr.png"))).isEqualTo(shortUrl);

        // A poster downloaded after an edit shows the edit (it is cached per version of the site).
        site.put("name", "江浦路法治文化长廊");
        site.put("version", editor.get("/api/console/landscape/sites/" + id).json().get("version").asLong());
        editor.put("/api/console/landscape/sites/" + id, site).expectStatus(200);
        try (PDDocument poster = Loader.loadPDF(bytes(get("/landscape/jiangpu-law-gallery/poster.pdf")))) {
            assertThat(new PDFTextStripper().getText(poster)).contains("江浦路法治文化长廊");
        }

        http.get().uri("/s/" + code).header(HttpHeaders.USER_AGENT, PHONE).exchange().expectStatus().isFound();
        http.get().uri("/s/" + code).header(HttpHeaders.USER_AGENT, "Baiduspider/2.0").exchange().expectStatus().isFound();
        assertThat(editor.get("/api/console/landscape/sites/" + id).json().get("scans").asLong())
                .as("two scans from phones; the crawler is not counted").isEqualTo(2);

        assertThat(editor.delete("/api/console/landscape/sites/" + id).status()).isEqualTo(403);
        reviewer.delete("/api/console/landscape/sites/" + id).expectStatus(204);
        assertThat(status(http.get().uri("/s/" + code).header(HttpHeaders.USER_AGENT, PHONE).exchange().expectBody().returnResult()))
                .isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithAReasonAndNothingIsStored() {
        ConsoleClient editor = TestUsers.create(http, "scene-checker", "微景观校对", "EDITOR");
        int before = editor.get("/api/console/landscape/sites").json().size();
        Map<String, Object> site = LandscapeFixture.site("人民广场", "江浦路街道", 31.2304, 121.4737, "WGS84");
        JsonNode outside = editor.post("/api/console/landscape/sites", site).expectStatus(400).json();
        assertThat(outside.get("errors").get(0).get("field").asString()).isEqualTo("coordinates");
        assertThat(outside.get("errors").get(0).get("message").asString()).contains("不在杨浦区范围内");

        Map<String, Object> foreignPhoto = LandscapeFixture.site("外链照片", "江浦路街道", 31.2736, 121.5142, "WGS84");
        foreignPhoto.put("photos", List.of(Map.of("url", "https://elsewhere.example/a.jpg", "thumbUrl", "https://elsewhere.example/a.jpg",
                "largeUrl", "https://elsewhere.example/a.jpg")));
        assertThat(editor.post("/api/console/landscape/sites", foreignPhoto).expectStatus(400).json().get("detail").asString())
                .isEqualTo("照片须通过本站上传");

        Map<String, Object> unknownContent = new HashMap<>(LandscapeFixture.site("关联不存在", "江浦路街道", 31.2736, 121.5142, "WGS84"));
        unknownContent.put("relatedContentIds", List.of("000000000000000000000000"));
        assertThat(editor.post("/api/console/landscape/sites", unknownContent).expectStatus(400).json().get("detail").asString())
                .contains("关联的内容不存在");

        assertThat(editor.upload("/api/console/landscape/photos", "说明.png", "不是图片".getBytes()).expectStatus(415).json()
                .get("detail").asString()).contains("不是 JPEG、PNG、GIF 或 WebP 图片");

        JsonNode first = editor.post("/api/console/landscape/sites",
                LandscapeFixture.site("江浦路宪法角", "江浦路街道", 31.2740, 121.5100, "WGS84")).expectStatus(201).json();
        Map<String, Object> stale = LandscapeFixture.site("江浦路宪法角（改）", "江浦路街道", 31.2740, 121.5100, "WGS84");
        stale.put("version", first.get("version").asLong() + 7);
        assertThat(editor.put("/api/console/landscape/sites/" + first.get("id").asString(), stale).status()).isEqualTo(409);
        assertThat(editor.get("/api/console/landscape/sites").json().size()).isEqualTo(before + 1);
    }

    @Test
    void aPhonePhotoTakenUprightStaysUprightInItsThumbnails() throws IOException {
        ConsoleClient editor = TestUsers.create(http, "scene-photographer", "照片编辑", "EDITOR");
        // Phones store the sensor's landscape pixels and an EXIF tag "rotate 90°" (orientation 6).
        JsonNode photo = editor.upload("/api/console/landscape/photos", "手机照片.jpg", withOrientation6(jpeg(960, 540)))
                .expectStatus(201).json();
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(bytes(get(photo.get("thumbUrl").asString()))));
        assertThat(thumb.getWidth()).isEqualTo(480);
        assertThat(thumb.getHeight()).as("portrait, as taken").isGreaterThan(thumb.getWidth());
    }

    @Test
    void aFormerAddressStaysWithItsSiteAndCanBeTakenBack() {
        ConsoleClient editor = TestUsers.create(http, "scene-renamer", "地址编辑", "EDITOR");
        Map<String, Object> first = LandscapeFixture.site("江浦路普法角", "江浦路街道", 31.2750, 121.5110, "WGS84");
        first.put("slug", "jiangpu-corner");
        JsonNode created = editor.post("/api/console/landscape/sites", first).expectStatus(201).json();
        first.put("slug", "jiangpu-law-corner");
        first.put("version", created.get("version").asLong());
        JsonNode renamed = editor.put("/api/console/landscape/sites/" + created.get("id").asString(), first).expectStatus(200).json();

        Map<String, Object> other = LandscapeFixture.site("江浦路另一处", "江浦路街道", 31.2745, 121.5105, "WGS84");
        other.put("slug", "jiangpu-corner");
        JsonNode taken = editor.post("/api/console/landscape/sites", other).expectStatus(400).json();
        assertThat(taken.get("detail").asString()).isEqualTo("地址名已被微景观“江浦路普法角”使用过");

        first.put("slug", "jiangpu-corner");
        first.put("version", renamed.get("version").asLong());
        JsonNode back = editor.put("/api/console/landscape/sites/" + created.get("id").asString(), first).expectStatus(200).json();
        assertThat(back.get("slug").asString()).isEqualTo("jiangpu-corner");
        assertThat(back.get("code").asString()).isEqualTo(created.get("code").asString());
    }

    @Test
    void streetsAndCategoriesAreEditedByAdminsAndOnesInUseStay() {
        ConsoleClient editor = TestUsers.create(http, "scene-lister", "列表编辑", "EDITOR");
        ConsoleClient admin = ConsoleClient.admin(http);
        editor.post("/api/console/landscape/sites", LandscapeFixture.site("新江湾城宪法步道", "新江湾城街道", 31.3250, 121.5060, "WGS84"))
                .expectStatus(201);
        JsonNode catalog = editor.get("/api/console/landscape/catalog").expectStatus(200).json();
        assertThat(catalog.get("streets")).hasSize(12);
        assertThat(catalog.get("bounds").asString()).startsWith("北纬 31.2");
        List<String> withoutXinjiangwan = catalog.get("streets").valueStream().map(JsonNode::asString)
                .filter(name -> !name.equals("新江湾城街道")).toList();
        Map<String, Object> change = new HashMap<>(Map.of("streets", withoutXinjiangwan,
                "categories", catalog.get("categories").valueStream().map(JsonNode::asString).toList(),
                "version", catalog.get("version").asLong()));
        assertThat(editor.put("/api/console/landscape/catalog", change).status()).isEqualTo(403);
        assertThat(admin.put("/api/console/landscape/catalog", change).expectStatus(409).json().get("detail").asString())
                .startsWith("街道“新江湾城街道”仍有").contains("处微景观");

        List<String> streets = new java.util.ArrayList<>(catalog.get("streets").valueStream().map(JsonNode::asString).toList());
        streets.add("测试镇");
        change.put("streets", streets);
        change.put("categories", catalog.get("categories").valueStream().map(JsonNode::asString).toList());
        JsonNode saved = admin.put("/api/console/landscape/catalog", change).expectStatus(200).json();
        assertThat(saved.get("streets")).hasSize(13);
        assertThat(Jsoup.parse(body(get("/landscape"))).select("select[name=street] option").eachText()).contains("测试镇");
        streets.remove("测试镇");
        change.put("streets", streets);
        change.put("version", saved.get("version").asLong());
        admin.put("/api/console/landscape/catalog", change).expectStatus(200);
    }

    private EntityExchangeResult<byte[]> get(String path) {
        return http.get().uri(path).exchange().expectBody().returnResult();
    }

    private static int status(EntityExchangeResult<byte[]> result) {
        return result.getStatus().value();
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        assertThat(result.getStatus().value()).isEqualTo(200);
        return new String(result.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] bytes(EntityExchangeResult<byte[]> result) {
        assertThat(result.getStatus().value()).isEqualTo(200);
        return result.getResponseBody();
    }

    private int width(String url) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes(get(url))));
        return image.getWidth();
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.WHITE, width, 0, Color.DARK_GRAY));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF segment right after its start marker holding only Orientation = 6. */
    private static byte[] withOrientation6(byte[] jpeg) {
        java.nio.ByteBuffer exif = java.nio.ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
        exif.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.capacity() - 2));
        exif.put("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        exif.put("MM".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        exif.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        exif.putInt(0);
        byte[] out = new byte[jpeg.length + exif.capacity()];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(exif.array(), 0, out, 2, exif.capacity());
        System.arraycopy(jpeg, 2, out, 2 + exif.capacity(), jpeg.length - 2);
        return out;
    }

    private static byte[] picture(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xB3121B), width, height, new Color(0x0B57B0)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
