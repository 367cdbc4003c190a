package cn.fasheng.browser;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestAccounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@FashengAppTest
class ConsoleBrowserTest extends BrowserTestSupport {

    @Test
    void adminSignsInCreatesAnEditorAndSignsOut() {
        Page page = newPage(true);
        page.navigate(url("/console/"));
        assertThat(page).hasURL(Pattern.compile(".*/console/login$"));
        org.assertj.core.api.Assertions.assertThat(fitsTheScreenWidth(page)).as("login page on a phone").isTrue();
        signIn(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("您好，系统管理员"))).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("用户")).click();
        page.getByLabel("用户名").fill("sun.editor");
        page.getByLabel("姓名").fill("孙编辑");
        page.getByLabel("初始密码").fill("sun-password-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("创建用户")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("已创建用户 sun.editor");
        assertThat(page.locator("tr[data-username='sun.editor']")).containsText("孙编辑");
        assertThat(page.locator("tr[data-username='sun.editor']")).containsText("启用");
        Locator row = page.locator("tr[data-username='sun.editor']");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("重置密码")).click();
        row.getByLabel("新密码").fill("sun-password-2");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认重置")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("已重置 sun.editor 的密码，其登录会话已全部失效");
        org.assertj.core.api.Assertions.assertThat(fitsTheScreenWidth(page)).as("user table on a phone").isTrue();
        screenshot(page, "console-users");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("审计日志")).click();
        Locator events = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("sun.editor"));
        assertThat(events.filter(new Locator.FilterOptions().setHasText("创建用户"))).hasCount(1);
        assertThat(events.filter(new Locator.FilterOptions().setHasText("重置密码"))).hasCount(1);

        // The API document is for administrators; its UI must work under the site's Content-Security-Policy.
        page.navigate(url("/swagger-ui.html"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("编辑后台接口"))))
                .isVisible();
        assertThat(page.getByText("用户管理").first()).isVisible();
        page.navigate(url("/console/users"));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录")).click();
        assertThat(page).hasURL(Pattern.compile(".*/console/login$"));
        page.navigate(url("/console/users"));
        assertThat(page).hasURL(Pattern.compile(".*/console/login\\?next=.*"));

        signIn(page, "sun.editor", "sun-password-2");
        // An editor is sent back to the overview and has no user management in the navigation.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("您好，孙编辑"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("用户"))).hasCount(0);
    }

    @Test
    void wrongPasswordShowsTheReasonInChinese() {
        Page page = newPage(true);
        page.navigate(url("/console/login"));
        page.getByLabel("用户名").fill(TestAccounts.ADMIN);
        page.getByLabel("密码").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("用户名或密码错误，或账号已停用");
    }

}
