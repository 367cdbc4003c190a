package cn.fasheng.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route in the OpenAPI document, called without signing in, answers 401 unless it is public. */
@FashengAppTest
class ConsoleRouteSecurityTest {

    private static final Set<String> PUBLIC = Set.of("POST /api/console/auth/login");

    @Autowired
    WebTestClient http;

    @Test
    void anonymousCallsToEveryNonPublicRouteGet401() {
        JsonNode paths = ConsoleClient.admin(http).get("/v3/api-docs").expectStatus(200).json().get("paths");
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : path.getValue().propertyNames()) {
                String route = method.toUpperCase() + " " + path.getKey();
                if (PUBLIC.contains(route)) {
                    continue;
                }
                String uri = path.getKey().replaceAll("\\{[^}]+}", "0123456789abcdef01234567");
                ConsoleClient anonymous = new ConsoleClient(http);
                ConsoleClient.Response response = anonymous.call(HttpMethod.valueOf(method.toUpperCase()), uri,
                        method.equals("get") ? null : Map.of());
                assertThat(response.status()).as(route).isEqualTo(401);
                assertThat(response.json().get("detail").asString()).as(route).isEqualTo("请先登录编辑后台");
                checked.add(route);
            }
        }
        assertThat(checked).contains("GET /api/console/users", "POST /api/console/users", "GET /api/console/audit",
                "POST /api/console/auth/logout");
    }

    @Test
    void unknownApiRoutesAnswerInChineseToo() {
        JsonNode problem = ConsoleClient.admin(http).get("/api/console/no-such-route").expectStatus(404).json();
        assertThat(problem.get("title").asString()).isEqualTo("未找到");
        assertThat(problem.get("detail").asString()).isEqualTo("请求的接口或资源不存在");
    }

    @Test
    void theApiDocumentAndItsUiAreForAdministratorsOnly() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
        http.get().uri("/v3/api-docs.yaml").exchange().expectStatus().isUnauthorized();
        http.get().uri("/swagger-ui.html").exchange().expectStatus().isUnauthorized();
    }
}
