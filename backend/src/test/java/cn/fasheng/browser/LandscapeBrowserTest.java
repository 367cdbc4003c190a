package cn.fasheng.browser;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A resident on a phone finds the micro-landscapes of their street, opens one from the map and gets its poster. */
@FashengAppTest
class LandscapeBrowserTest extends BrowserTestSupport {

    @Autowired
    WebTestClient http;

    @Test
    void filterByStreetOpenASiteFromTheMapAndDownloadItsPoster() throws Exception {
        ConsoleClient editor = TestUsers.create(http, "board.editor", "微景观编辑", "EDITOR");
        ConsoleClient reviewer = TestUsers.create(http, "board.reviewer", "微景观审核", "REVIEWER");
        publish(editor, reviewer, "大桥宪法广场", "大桥街道", 31.2628, 121.5135);
        publish(editor, reviewer, "大桥法治小游园", "大桥街道", 31.2612, 121.5112);
        publish(editor, reviewer, "四平路法治书屋", "四平路街道", 31.2852, 121.5075);

        Page page = newPage(true);
        page.navigate(url("/"));
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("栏目导航"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("法治微景观")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("家门口法治微景观"))).isVisible();
        assertThat(page.locator("ol.sites")).containsText("四平路法治书屋");

        page.getByLabel("街道").selectOption("大桥街道");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("street=%E5%A4%A7%E6%A1%A5"));
        assertThat(page.locator("[data-count]")).containsText("找到 2 处微景观");
        assertThat(page.locator("ol.sites h3 a")).hasText(new String[] {"大桥宪法广场", "大桥法治小游园"});
        assertThat(page.locator("svg path.selected")).hasAttribute("data-street", "大桥街道");
        assertThat(fitsTheScreenWidth(page)).as("directory on a phone").isTrue();
        screenshot(page, "landscape-directory-phone");

        // The map's second marker is the list's second item.
        page.locator("svg[data-district-map] a.map-marker[aria-label='2. 大桥法治小游园']").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("大桥法治小游园").setLevel(1))).isVisible();
        assertThat(page.locator(".site-facts")).containsText("无障碍通道（无台阶）");
        assertThat(page.locator("img.site-qr")).isVisible();
        page.waitForFunction("document.querySelector('img.site-qr').naturalWidth > 0");
        assertThat(fitsTheScreenWidth(page)).as("site page on a phone").isTrue();
        screenshot(page, "landscape-site-phone");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("下载 A4 海报（PDF）")).click());
        assertThat(download.suggestedFilename()).isEqualTo("大桥法治小游园-海报.pdf");
        byte[] pdf = Files.readAllBytes(download.path());
        try (PDDocument poster = Loader.loadPDF(pdf)) {
            assertThat(poster.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(poster)).contains("大桥法治小游园", "扫码了解更多");
        }
    }

    @Test
    void anEditorEntersASiteWithMapPickerCoordinatesAndAPhotoAndAReviewerPutsItOnTheColumn() throws Exception {
        TestUsers.create(http, "board.writer", "微景观录入", "EDITOR");
        TestUsers.create(http, "board.approver", "微景观公开", "REVIEWER");
        Page editor = newDesktopPage();
        editor.navigate(url("/console/landscape"));
        signIn(editor, "board.writer", "board.writer-password");
        editor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建微景观")).click();
        assertThat(editor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("新建微景观"))).isVisible();
        editor.getByLabel("名称", new Page.GetByLabelOptions().setExact(true)).fill("四平路宪法小花园");
        editor.getByLabel("街道").selectOption("四平路街道");
        editor.getByLabel("类别").selectOption("宪法主题");
        editor.getByLabel("地址", new Page.GetByLabelOptions().setExact(true)).fill("四平路某弄 12 号");
        // As 高德's picker gives it (GCJ-02).
        editor.getByLabel("纬度").fill("31.2830");
        editor.getByLabel("经度").fill("121.5120");
        assertThat(editor.getByLabel("在栏目公开")).isDisabled();
        editor.getByLabel("上传照片").setInputFiles(new com.microsoft.playwright.options.FilePayload("花园.png", "image/png",
                cn.fasheng.support.TinyImages.png(java.awt.Color.ORANGE)));
        assertThat(editor.locator("img[src*='-480.jpg']")).isVisible();
        editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(editor.getByRole(AriaRole.STATUS)).containsText("已新建微景观");
        screenshot(editor, "landscape-console-editor");

        Page reviewer = newDesktopPage();
        reviewer.navigate(editor.url());
        signIn(reviewer, "board.approver", "board.approver-password");
        assertThat(reviewer.getByLabel("纬度")).hasValue(java.util.regex.Pattern.compile("^31\\.28[0-9]+$"));
        assertThat(reviewer.getByLabel("坐标系")).hasValue("WGS84");
        reviewer.getByLabel("在栏目公开").check();
        reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
        assertThat(reviewer.getByRole(AriaRole.STATUS)).containsText("已保存");

        Page resident = newPage(true);
        resident.navigate(url("/landscape?street=" + java.net.URLEncoder.encode("四平路街道", java.nio.charset.StandardCharsets.UTF_8)));
        resident.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("四平路宪法小花园").setExact(true)).click();
        assertThat(resident.locator(".site-photos img")).hasAttribute("src", java.util.regex.Pattern.compile("-480\\.jpg$"));
        assertThat(resident.locator("a[href^='https://uri.amap.com/marker']")).hasAttribute("href",
                java.util.regex.Pattern.compile("position=121\\.512000,31\\.283000"));
    }

    private static void publish(ConsoleClient editor, ConsoleClient reviewer, String name, String street, double lat, double lng) {
        Map<String, Object> site = new HashMap<>(Map.of("name", name, "street", street, "category", "法治广场",
                "address", street + "某路 8 号", "coordinates", Map.of("lat", lat, "lng", lng, "datum", "WGS84"),
                "status", "OPEN", "openingHours", "全天开放", "photos", List.of(), "relatedContentIds", List.of(),
                "access", Map.of("stepFree", true, "seating", true, "accessibleToilet", false)));
        site.put("published", false);
        JsonNode created = editor.post("/api/console/landscape/sites", site).expectStatus(201).json();
        site.put("published", true);
        site.put("version", created.get("version").asLong());
        reviewer.put("/api/console/landscape/sites/" + created.get("id").asString(), site).expectStatus(200);
    }
}
