package cn.fasheng.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;

/**
 * A reader on a phone reads an article and watches a video to the end; an editor then finds both on the dashboard,
 * changes the range, reads a chart as a table and downloads the monthly report.
 */
@FashengAppTest
class ReachBrowserTest extends BrowserTestSupport {

    static final String VIDEO = "/videos/anti-fraud-four-rules-video";

    @Autowired
    WebTestClient http;

    private static long total(ConsoleClient editor, String field) {
        return editor.get("/api/console/reach/figures?preset=year").expectStatus(200).json().get("totals").get(field).asLong();
    }

    private static void awaitTotal(ConsoleClient editor, String field, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (total(editor, field) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(field + " did not reach " + atLeast);
            }
            Thread.sleep(300);
        }
    }

    @Test
    void readersAreCountedAndTheEditorReadsTheDashboardAndDownloadsTheReport() throws Exception {
        ConsoleClient editor = TestUsers.create(http, "reach.browser", "郑编辑", "EDITOR");
        long views = total(editor, "columnViews");
        long completed = total(editor, "completed");

        Page reader = newReaderPage();
        reader.navigate(url("/articles/telecom-fraud-types-prevention"));
        assertThat(reader.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("常见电信网络诈骗类型与防范要点"))).isVisible();
        awaitTotal(editor, "columnViews", views + 1);

        long deadline = System.currentTimeMillis() + 90_000;
        reader.navigate(url(VIDEO));
        while (reader.locator("video:not([data-animation])").count() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(1_000);
            reader.reload();
        }
        String videoTitle = reader.locator("h1").textContent().strip();
        reader.evaluate("() => { const v = document.querySelector('video'); v.muted = true; v.play().catch(() => {}); }");
        reader.waitForFunction("() => document.querySelector('video').currentTime > 0.3");
        reader.evaluate("() => { const v = document.querySelector('video'); v.currentTime = v.duration - 0.3; }");
        reader.waitForFunction("() => document.querySelector('video').ended");
        awaitTotal(editor, "completed", completed + 1);

        Page page = newDesktopPage();
        page.navigate(url("/console/"));
        signIn(page, "reach.browser", "reach.browser-password");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("传播数据").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("传播数据").setLevel(1))).isVisible();
        Locator month = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("本月").setExact(true));
        assertThat(month).hasAttribute("aria-pressed", "true");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("本年").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("本年").setExact(true)))
                .hasAttribute("aria-pressed", "true");
        assertThat(month).hasAttribute("aria-pressed", "false");
        assertThat(page.getByText("统计范围：")).containsText(LocalDate.now(ShanghaiTime.ZONE).withDayOfYear(1) + " 至");

        page.getByText("以表格查看：热门内容").click();
        Locator top = page.locator("details", new Page.LocatorOptions().setHasText("以表格查看：热门内容")).locator("table");
        assertThat(top).containsText("常见电信网络诈骗类型与防范要点");
        page.getByText("以表格查看：视频完播率").click();
        assertThat(page.locator("details", new Page.LocatorOptions().setHasText("以表格查看：视频完播率")).locator("table"))
                .containsText(videoTitle);
        assertThat(page.locator("[role=img]").first()).isVisible();
        screenshot(page, "reach-dashboard");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("生成报告")).click();
        LocalDate today = LocalDate.now(ShanghaiTime.ZONE);
        String title = today.getYear() + "年" + today.getMonthValue() + "月法治宣传传播力月报";
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已生成"))).containsText(title);

        Download pdf = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("下载 PDF")).first().click());
        assertThat(pdf.suggestedFilename()).isEqualTo("上海市杨浦区司法局-" + title + ".pdf");
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            assertThat(new PDFTextStripper().getText(document)).contains(title, "常见电信网络诈骗类型与防范要点");
        }
        Download xlsx = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("下载 Excel")).first().click());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx.path())))) {
            assertThat(book.getSheet("热门内容")).isNotNull();
        }
    }
}
