package cn.fasheng.browser;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import cn.fasheng.support.FashengAppTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@FashengAppTest
class SiteBrowserTest extends BrowserTestSupport {

    @Test
    void homePageIsCompleteWithoutJavaScriptAndTheElderSwitchStillWorks() {
        Page page = newPage(false);
        page.navigate(url("/"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("法声昂\"杨\"").setLevel(1))).isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("栏目导航"))).containsText("关于栏目");
        assertThat(page.locator("footer")).containsText("网站标识码");

        page.getByText("适老化模式").click();
        assertThat(page.locator("html")).hasClass("elder");
        assertThat(page.getByText("退出适老化模式")).isVisible();
        page.reload();
        assertThat(page.locator("html")).hasClass("elder");
        assertThat(fitsTheScreenWidth(page)).as("enlarged page on a phone").isTrue();
        screenshot(page, "home-elder-no-js");
    }

    @Test
    void elderModeEnlargesTextAtOnceAndPersists() {
        Page page = newPage(true);
        page.navigate(url("/about"));
        double normal = fontSize(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("适老化模式")).click();
        assertThat(page.locator("html")).hasClass("elder");
        assertThat(page).hasURL(url("/about"));
        assertThat(fontSize(page)).isGreaterThanOrEqualTo(normal * 1.25);
        page.reload();
        assertThat(page.locator("html")).hasClass("elder");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出适老化模式")).click();
        page.reload();
        assertThat(page.locator("html")).not().hasClass("elder");
    }

    @Test
    void keyboardAloneReachesTheContentAndTheNavigation() {
        Page page = newPage(true);
        page.navigate(url("/"));
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("跳到主要内容");
        page.keyboard().press("Enter");
        assertThat(page.evaluate("document.activeElement.id")).isEqualTo("main");

        page.navigate(url("/"));
        for (int i = 0; i < 12 && !"关于栏目".equals(page.evaluate("document.activeElement.textContent")); i++) {
            page.keyboard().press("Tab");
        }
        page.keyboard().press("Enter");
        assertThat(page).hasURL(url("/about"));
    }

    private static double fontSize(Page page) {
        return Double.parseDouble(((String) page.evaluate("getComputedStyle(document.querySelector('main p')).fontSize"))
                .replace("px", ""));
    }
}
