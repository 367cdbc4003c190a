package cn.fasheng.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import cn.fasheng.support.TinyImages;

/**
 * The scenario in a real browser: an editor writes an article with a table and an image; a reviewer
 * rejects it with a comment; the editor fixes and resubmits; the reviewer approves and schedules it a minute
 * ahead; after its time it is on the home page, in search and in the RSS feed, and reads fully without scripts.
 */
@FashengAppTest
class ContentBrowserTest extends BrowserTestSupport {

    @Autowired
    WebTestClient http;

    @Test
    void writeRejectFixApproveScheduleAndRead() throws Exception {
        TestUsers.create(http, "browser.editor", "周编辑", "EDITOR");
        TestUsers.create(http, "browser.reviewer", "吴审核", "REVIEWER");
        Path photo = Files.createTempFile("photo", ".png");
        Files.write(photo, TinyImages.png(Color.ORANGE));

        Page editor = newDesktopPage();
        editor.navigate(url("/console/contents/new?kind=ARTICLE"));
        signIn(editor, "browser.editor", "browser.editor-password");
        editor.getByLabel("标题", new Page.GetByLabelOptions().setExact(true)).fill("老年人防范养老诈骗的五个提醒");
        editor.getByLabel("摘要").fill("以“养老”为名的骗局花样翻新，记住五个提醒。");
        Locator body = editor.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("正文").setExact(true));
        body.click();
        body.pressSequentially("警惕以高额回报为诱饵的养老投资项目。");
        body.press("Enter");
        button(editor, "表格").click();
        body.locator("th").first().click();
        editor.keyboard().type("骗局");
        editor.keyboard().press("Tab");
        editor.keyboard().type("识别要点");
        editor.keyboard().press("Tab");
        editor.keyboard().type("处置");
        editor.keyboard().press("Tab");
        editor.keyboard().type("养老公寓");
        editor.keyboard().press("Tab");
        editor.keyboard().type("承诺返本付息");
        body.locator("p").first().click();
        editor.waitForFileChooser(() -> button(editor, "图片").click()).setFiles(photo);
        editor.getByLabel("图片说明（替代文字）").fill("社区宣传现场");
        button(editor, "插入").click();
        assertThat(body.locator("img[alt='社区宣传现场']")).isVisible();
        button(editor, "保存").click();
        assertThat(editor.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已保存"))).isVisible();
        assertThat(editor).hasURL(Pattern.compile(".*/console/contents/[0-9a-f]{24}$"));
        String editorUrl = editor.url();
        screenshot(editor, "console-editor");
        button(editor, "提交审核").click();
        assertThat(editor.getByText("待审").first()).isVisible();

        Page reviewer = newDesktopPage();
        reviewer.navigate(url("/console/review"));
        signIn(reviewer, "browser.reviewer", "browser.reviewer-password");
        reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("老年人防范养老诈骗的五个提醒")).click();
        button(reviewer, "退回").click();
        reviewer.getByLabel("退回意见").fill("请在表格中补充“处置”一栏的做法");
        button(reviewer, "确认退回").click();
        assertThat(reviewer.getByText("已退回").first()).isVisible();

        editor.navigate(editorUrl);
        assertThat(editor.getByText("请在表格中补充“处置”一栏的做法")).isVisible();
        Locator fixedBody = editor.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("正文").setExact(true));
        fixedBody.locator("td").nth(2).click();
        editor.keyboard().type("拨打110或96110");
        button(editor, "保存").click();
        assertThat(editor.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已保存"))).isVisible();
        button(editor, "提交审核").click();
        assertThat(editor.getByText("待审").first()).isVisible();

        reviewer.navigate(editorUrl);
        button(reviewer, "通过").click();
        assertThat(reviewer.getByText("已通过").first()).isVisible();
        button(reviewer, "排期发布").click();
        ZonedDateTime at = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).plusMinutes(1);
        reviewer.getByLabel("发布时间").fill(at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        button(reviewer, "确认排期").click();
        assertThat(reviewer.getByText("已排期").first()).isVisible();
        reviewer.navigate(url("/console/calendar"));
        assertThat(reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("老年人防范养老诈骗的五个提醒")).first())
                .isVisible();
        screenshot(reviewer, "console-calendar");

        Page visitor = newPage(true);
        visitor.navigate(url("/"));
        // The form takes whole minutes: the item goes live at the start of the minute typed in.
        ZonedDateTime live = at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        if (ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).isBefore(live.minusSeconds(3))) {
            org.assertj.core.api.Assertions.assertThat(visitor.getByText("老年人防范养老诈骗的五个提醒").count())
                    .as("not public before its time").isZero();
        }
        long deadline = System.currentTimeMillis() + 100_000;
        while (visitor.getByText("老年人防范养老诈骗的五个提醒").count() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(2_000);
            visitor.reload();
        }
        assertThat(visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("老年人防范养老诈骗的五个提醒")))
                .isVisible();
        visitor.navigate(url("/search?q=养老诈骗"));
        assertThat(visitor.locator(".card-title mark").first()).isVisible();
        assertThat(visitor.locator(".card-title").first()).containsText("老年人防范养老诈骗的五个提醒");
        String rss = visitor.request().get(url("/feed.xml")).text();
        org.assertj.core.api.Assertions.assertThat(rss).contains("老年人防范养老诈骗的五个提醒");

        Page noScript = newPage(false);
        noScript.navigate(url("/search?q=养老诈骗"));
        noScript.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("老年人防范养老诈骗的五个提醒")).click();
        assertThat(noScript.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("老年人防范养老诈骗的五个提醒")))
                .isVisible();
        Locator article = noScript.locator(".content-body");
        assertThat(article).containsText("警惕以高额回报为诱饵的养老投资项目。");
        assertThat(article.locator("table th").first()).hasText("骗局");
        assertThat(article.locator("table")).containsText("拨打110或96110");
        assertThat(article.locator("img[alt='社区宣传现场']")).isVisible();
        org.assertj.core.api.Assertions.assertThat((Boolean) noScript.locator(".content-body img")
                .evaluate("img => img.complete && img.naturalWidth > 0")).as("the stored image loads").isTrue();
        screenshot(noScript, "article-without-scripts");
        Files.deleteIfExists(photo);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
