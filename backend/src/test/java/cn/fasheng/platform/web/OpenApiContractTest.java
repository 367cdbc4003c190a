package cn.fasheng.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.RepoFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's TypeScript types are generated from frontend/openapi/console-api.json; this keeps that
 * file equal to what the backend serves. Refresh it with
 * {@code ./mvnw verify -Dtest=OpenApiContractTest -Dfasheng.update-openapi=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@FashengAppTest
class OpenApiContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @Autowired
    WebTestClient http;

    @Test
    void committedDocumentMatchesTheServedOne() throws IOException {
        JsonNode served = ConsoleClient.admin(http).get("/v3/api-docs").expectStatus(200).json();
        ((ObjectNode) served).remove("servers");
        String expected = JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n";
        Path committed = RepoFiles.path("frontend/openapi/console-api.json");
        if (Boolean.getBoolean("fasheng.update-openapi")) {
            Files.writeString(committed, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("frontend/openapi/console-api.json is stale; regenerate it (see this test's Javadoc)")
                .isEqualTo(expected);
    }
}
