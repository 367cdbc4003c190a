package cn.fasheng.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@FashengAppTest
class HealthTest {

    @Autowired
    WebTestClient http;

    @Test
    void readinessReflectsMongoS3AndFfmpeg() {
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();

        JsonNode components = ConsoleClient.admin(http).get("/actuator/health/readiness").expectStatus(200)
                .json().get("components");
        assertThat(components.get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("mongo").get("details").get("database").asString()).isEqualTo("fasheng");
        assertThat(components.get("s3").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("ffmpeg").get("details").get("version").asString()).startsWith("ffmpeg version 8.");
    }
}
