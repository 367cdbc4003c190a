package cn.fasheng.support;

import java.util.List;
import java.util.Map;

import org.springframework.test.web.reactive.server.WebTestClient;

/** Console users created through the admin API, as an administrator would. */
public final class TestUsers {

    private TestUsers() {
    }

    public static ConsoleClient create(WebTestClient http, String username, String displayName, String... roles) {
        String password = username + "-password";
        ConsoleClient.admin(http).post("/api/console/users", Map.of("username", username, "displayName", displayName,
                "password", password, "roles", List.of(roles))).expectStatus(201);
        return ConsoleClient.loggedIn(http, username, password);
    }
}
