package cn.fasheng.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.Color;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import cn.fasheng.publishing.fake.FakeBilibili;
import cn.fasheng.publishing.fake.FakeWechat;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FakeChannels;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestAccounts;
import cn.fasheng.support.TestUsers;
import cn.fasheng.support.TinyImages;

/**
 * Cross-posting in a real browser: an administrator connects Bilibili (through its consent page) and WeChat, then
 * sends a published article to WeChat from the post page and watches it go out; a post planned for another day is
 * dragged on the calendar to the next day.
 */
@FashengAppTest
class PublishingBrowserTest extends BrowserTestSupport {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    WebTestClient http;

    @Test
    void connectChannelsPublishToWechatAndMoveOnTheCalendar() {
        FakeChannels.bilibili().reset();
        FakeChannels.wechat().reset();
        FakeChannels.bilibili().autoOpen(true);

        Page page = newDesktopPage();
        page.navigate(url("/console/publishing/accounts"));
        signIn(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        Locator bilibiliForm = page.locator("form[aria-label='连接哔哩哔哩']");
        bilibiliForm.getByLabel("client_id", new Locator.GetByLabelOptions().setExact(true)).fill(FakeBilibili.CLIENT_ID);
        Locator biliSecret = bilibiliForm.getByLabel("app_secret", new Locator.GetByLabelOptions().setExact(true));
        assertThat(biliSecret).hasAttribute("type", "password");
        assertThat(biliSecret).hasValue("");
        biliSecret.fill(FakeBilibili.APP_SECRET);
        button(bilibiliForm, "保存并前往授权").click();
        assertThat(page).hasURL(Pattern.compile(".*/pc/account-pc/auth/oauth\\?.*"));
        org.assertj.core.api.Assertions.assertThat(page.url()).startsWith(FakeChannels.bilibili().baseUrl());
        page.locator("#approve").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/publishing/accounts\\?connected=BILIBILI$"));
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已连接哔哩哔哩账号"))).isVisible();
        assertThat(card(page, "BILIBILI").locator(".account-state")).containsText("已连接");

        Locator wechatForm = page.locator("form[aria-label='连接微信公众号']");
        wechatForm.getByLabel("AppID", new Locator.GetByLabelOptions().setExact(true)).fill(FakeWechat.APP_ID);
        Locator wechatSecret = wechatForm.getByLabel("AppSecret", new Locator.GetByLabelOptions().setExact(true));
        wechatSecret.fill(FakeWechat.APP_SECRET);
        button(wechatForm, "保存并校验").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已连接微信公众号"))).isVisible();
        assertThat(card(page, "WECHAT").locator(".account-state")).containsText("已连接");
        assertThat(wechatSecret).hasValue("");
        screenshot(page, "console-publishing-accounts");

        ConsoleClient editor = TestUsers.create(http, "pub.editor", "蒋编辑", "EDITOR");
        ConsoleClient admin = ConsoleClient.admin(http);
        String first = publishedArticle(editor, admin, "社区矫正对象的权利与义务");
        String second = publishedArticle(editor, admin, "人民调解协议的效力");

        // The post page, reached from the calendar: the article goes to WeChat at once.
        page.navigate(url("/console/publishing/calendar"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建渠道发布")).click();
        page.locator("form[aria-label='选择内容'] select").selectOption(first);
        button(page.locator("form[aria-label='选择内容']"), "下一步").click();
        assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("微信公众号"))).isChecked();
        assertThat(page.getByLabel("标题", new Page.GetByLabelOptions().setExact(true))).hasValue("社区矫正对象的权利与义务");
        button(page, "保存并排期").click();
        assertThat(page).hasURL(Pattern.compile(".*/console/publishing/posts/[0-9a-f]{24}$"));
        assertThat(page.getByTestId("post-status")).containsText("已发布", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        List<FakeWechat.Publication> publications = FakeChannels.wechat().publications();
        org.assertj.core.api.Assertions.assertThat(publications).hasSize(1);
        String articleUrl = publications.get(0).articleUrl();
        org.assertj.core.api.Assertions.assertThat(articleUrl).startsWith("https://mp.weixin.qq.com/s/");
        Locator remote = page.locator("a[href='" + articleUrl + "']").first();
        assertThat(remote).isVisible();
        assertThat(remote).containsText("在公众号查看");
        assertThat(remote).hasAttribute("target", "_blank");
        assertThat(remote).hasAttribute("rel", "noopener");
        screenshot(page, "console-publishing-post");

        // A post planned for another day, dragged to the next day: the time of day stays.
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(2);
        if (day.plusDays(1).getDayOfMonth() == 1) {
            day = day.plusDays(1);
        }
        LocalDate target = day.plusDays(1);
        String planned = admin.post("/api/console/channel-posts", Map.of("contentId", second, "channel", "WECHAT",
                "scheduledAt", day.atTime(10, 0).atZone(SHANGHAI).toInstant().toString()))
                .expectStatus(201).json().get("id").asString();
        page.navigate(url("/console/publishing/calendar"));
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("条渠道发布"))).isVisible();
        if (page.locator("td[data-date='" + day + "']").count() == 0 || page.locator("td[data-date='" + target + "']").count() == 0) {
            button(page, "下一月").click();
        }
        Locator entry = page.locator("td[data-date='" + day + "'] li[data-post-id='" + planned + "']");
        assertThat(entry).isVisible();
        entry.dragTo(page.locator("td[data-date='" + target + "']"));
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("改期至 " + target + " 10:00")))
                .isVisible();
        assertThat(page.locator("td[data-date='" + target + "'] li[data-post-id='" + planned + "']")).isVisible();
        ZonedDateTime moved = Instant.parse(admin.get("/api/console/channel-posts/" + planned).expectStatus(200).json()
                .get("scheduledAt").asString()).atZone(SHANGHAI);
        org.assertj.core.api.Assertions.assertThat(moved.toLocalDate()).isEqualTo(target);
        org.assertj.core.api.Assertions.assertThat(moved.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        screenshot(page, "console-publishing-calendar");
        admin.delete("/api/console/channel-posts/" + planned).expectStatus(204);
    }

    /** An article with a cover (WeChat requires one), written by the editor and published by the administrator. */
    private static String publishedArticle(ConsoleClient editor, ConsoleClient admin, String title) {
        String cover = editor.upload("/api/console/uploads/images", "cover.png", TinyImages.png(Color.BLUE))
                .expectStatus(201).json().get("url").asString();
        String id = editor.post("/api/console/contents", Map.of("kind", "ARTICLE", "title", title,
                "summary", title + "：以案说法。", "tags", List.of("普法"), "coverUrl", cover,
                "body", "<p>" + title + "，杨浦区司法局为您解读。</p>"))
                .expectStatus(201).json().get("id").asString();
        editor.post("/api/console/contents/" + id + "/submit", null).expectStatus(200);
        admin.post("/api/console/contents/" + id + "/approve", Map.of()).expectStatus(200);
        admin.post("/api/console/contents/" + id + "/publish", null).expectStatus(200);
        return id;
    }

    private static Locator card(Page page, String channel) {
        return page.locator("section[data-channel=" + channel + "]");
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }
}
