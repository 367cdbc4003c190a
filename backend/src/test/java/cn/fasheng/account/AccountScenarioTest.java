package cn.fasheng.account;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@FashengAppTest
class AccountScenarioTest {

    @Autowired
    WebTestClient http;

    @Test
    void adminCreatesAnEditorWhoCanSignInButNotManageUsers() {
        ConsoleClient admin = ConsoleClient.admin(http);
        JsonNode created = admin.post("/api/console/users", Map.of("username", "li.editor", "displayName", "李编辑",
                "password", "li-password-1", "roles", List.of("EDITOR"))).expectStatus(201).json();
        assertThat(created.get("username").asString()).isEqualTo("li.editor");
        assertThat(created.has("passwordHash")).isFalse();

        ConsoleClient editor = ConsoleClient.loggedIn(http, "li.editor", "li-password-1");
        assertThat(editor.get("/api/console/auth/me").expectStatus(200).json().get("displayName").asString())
                .isEqualTo("李编辑");
        JsonNode denied = editor.get("/api/console/users").expectStatus(403).json();
        assertThat(denied.get("detail").asString()).contains("没有执行此操作的权限");

        List<String> actions = StreamSupport.stream(admin.get("/api/console/audit?size=200").expectStatus(200)
                .json().get("items").spliterator(), false)
                .filter(e -> e.get("target").asString().equals("li.editor"))
                .map(e -> e.get("action").asString()).toList();
        assertThat(actions).contains("USER_CREATED", "LOGIN");
    }

    @Test
    void invalidUserIsRefusedFieldByFieldAndNothingIsStored() {
        ConsoleClient admin = ConsoleClient.admin(http);
        JsonNode problem = admin.post("/api/console/users", Map.of("username", "x", "displayName", "",
                "password", "short", "roles", List.of())).expectStatus(400).json();
        assertThat(problem.get("title").asString()).isEqualTo("请求参数有误");
        assertThat(fields(problem)).containsExactlyInAnyOrder("username", "displayName", "password", "roles");
        assertThat(admin.get("/api/console/users").json().findValuesAsString("username")).doesNotContain("x");

        admin.post("/api/console/users", Map.of("username", "dup.user", "displayName", "甲", "password",
                "dup-password-1", "roles", List.of("REVIEWER"))).expectStatus(201);
        JsonNode conflict = admin.post("/api/console/users", Map.of("username", "dup.user", "displayName", "乙",
                "password", "dup-password-2", "roles", List.of("EDITOR"))).expectStatus(409).json();
        assertThat(conflict.get("detail").asString()).isEqualTo("用户名 dup.user 已被使用");
        long named = admin.get("/api/console/users").json().findValuesAsString("username").stream()
                .filter("dup.user"::equals).count();
        assertThat(named).isEqualTo(1);
    }

    @Test
    void disablingOrResettingSignsTheUserOutEverywhere() {
        ConsoleClient admin = ConsoleClient.admin(http);
        String id = admin.post("/api/console/users", Map.of("username", "wang.review", "displayName", "王审核",
                "password", "wang-password-1", "roles", List.of("REVIEWER"))).expectStatus(201).json().get("id").asString();
        ConsoleClient reviewer = ConsoleClient.loggedIn(http, "wang.review", "wang-password-1");

        admin.put("/api/console/users/" + id, Map.of("displayName", "王审核", "roles", List.of("REVIEWER"),
                "enabled", false)).expectStatus(200);
        reviewer.get("/api/console/auth/me").expectStatus(401);
        new ConsoleClient(http).post("/api/console/auth/login",
                Map.of("username", "wang.review", "password", "wang-password-1")).expectStatus(401);

        admin.put("/api/console/users/" + id, Map.of("displayName", "王审核", "roles", List.of("REVIEWER"),
                "enabled", true)).expectStatus(200);
        ConsoleClient again = ConsoleClient.loggedIn(http, "wang.review", "wang-password-1");
        admin.post("/api/console/users/" + id + "/password", Map.of("newPassword", "wang-password-2")).expectStatus(204);
        again.get("/api/console/auth/me").expectStatus(401);
        ConsoleClient.loggedIn(http, "wang.review", "wang-password-2");
    }

    @Test
    void theLastAdministratorCannotLockThemselvesOut() {
        ConsoleClient admin = ConsoleClient.admin(http);
        String selfId = admin.get("/api/console/auth/me").json().get("id").asString();
        JsonNode problem = admin.put("/api/console/users/" + selfId, Map.of("displayName", "系统管理员",
                "roles", List.of("EDITOR"), "enabled", true)).expectStatus(400).json();
        assertThat(problem.get("detail").asString()).isEqualTo("不能取消自己的管理员角色");
        assertThat(admin.get("/api/console/auth/me").json().get("roles").toString()).contains("ADMIN");
    }

    @Test
    void tenFailuresLockTheAccountForThatAddressWithA429() {
        ConsoleClient admin = ConsoleClient.admin(http);
        admin.post("/api/console/users", Map.of("username", "zhao.editor", "displayName", "赵编辑",
                "password", "zhao-password-1", "roles", List.of("EDITOR"))).expectStatus(201);
        ConsoleClient attacker = new ConsoleClient(http);
        for (int i = 0; i < 10; i++) {
            JsonNode wrong = attacker.post("/api/console/auth/login",
                    Map.of("username", "zhao.editor", "password", "guess-" + i)).expectStatus(401).json();
            assertThat(wrong.get("detail").asString()).isEqualTo("用户名或密码错误，或账号已停用");
        }
        ConsoleClient.Response locked = attacker.post("/api/console/auth/login",
                Map.of("username", "zhao.editor", "password", "zhao-password-1")).expectStatus(429);
        assertThat(locked.json().get("detail").asString()).isEqualTo("登录失败次数过多，请 15 分钟后再试");
        assertThat(locked.headers().getFirst("Retry-After")).isEqualTo("900");
        assertThat(attacker.hasCookie(ConsoleSessions.COOKIE)).isFalse();
    }

    @Test
    void logoutEndsTheSessionAndWritesWithoutCsrfTokenAreRefused() {
        ConsoleClient admin = ConsoleClient.admin(http);
        admin.post("/api/console/auth/logout", null).expectStatus(204);
        admin.get("/api/console/auth/me").expectStatus(401);

        JsonNode refused = http.post().uri("/api/console/auth/login").bodyValue(Map.of("username", "admin",
                "password", "whatever-password")).exchange().expectStatus().isForbidden()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(refused.get("detail").asString()).contains("安全令牌");
    }

    @Test
    void changingOnesOwnPasswordSignsOutOtherBrowsersOnly() {
        ConsoleClient admin = ConsoleClient.admin(http);
        admin.post("/api/console/users", Map.of("username", "wu.editor", "displayName", "吴编辑",
                "password", "wu-password-1", "roles", List.of("EDITOR"))).expectStatus(201);
        ConsoleClient laptop = ConsoleClient.loggedIn(http, "wu.editor", "wu-password-1");
        ConsoleClient phone = ConsoleClient.loggedIn(http, "wu.editor", "wu-password-1");

        JsonNode wrong = laptop.post("/api/console/auth/password", Map.of("currentPassword", "not-my-password",
                "newPassword", "wu-password-2")).expectStatus(400).json();
        assertThat(wrong.get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");

        laptop.post("/api/console/auth/password", Map.of("currentPassword", "wu-password-1",
                "newPassword", "wu-password-2")).expectStatus(204);
        laptop.get("/api/console/auth/me").expectStatus(200);
        phone.get("/api/console/auth/me").expectStatus(401);
        ConsoleClient.loggedIn(http, "wu.editor", "wu-password-2");
    }

    @Test
    void passwordsLongerThanBcryptCanReadAreRefusedNotTruncated() {
        ConsoleClient admin = ConsoleClient.admin(http);
        String thirtyHanzi = "法".repeat(30);
        JsonNode problem = admin.post("/api/console/users", Map.of("username", "zheng.editor", "displayName", "郑编辑",
                "password", thirtyHanzi, "roles", List.of("EDITOR"))).expectStatus(400).json();
        assertThat(fields(problem)).containsExactly("password");
        assertThat(problem.get("detail").asString()).contains("72 字节");
    }

    @Test
    void aCsrfTokenInAFormFieldIsNotAccepted() {
        ConsoleClient admin = ConsoleClient.admin(http);
        JsonNode refused = admin.formPostWithTokenField("/api/console/auth/logout").expectStatus(403).json();
        assertThat(refused.get("detail").asString()).contains("安全令牌");
        admin.get("/api/console/auth/me").expectStatus(200);
    }

    private static Set<String> fields(JsonNode problem) {
        return Set.copyOf(problem.get("errors").findValuesAsString("field"));
    }
}
