package cn.fasheng.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.platform.storage.S3Endpoint;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.OtherInstance;
import cn.fasheng.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Two application instances share one MongoDB and one object store, as in the replica-set deployment; both poll
 * the job queue. Every scheduled item must go live once: one 发布 entry in the audit log each.
 */
@FashengAppTest
class ScheduledPublishingAcrossInstancesTest {

    @Autowired
    WebTestClient http;

    @Autowired
    MongoConnectionDetails mongo;

    @Autowired
    S3Endpoint s3;

    @Test
    void eachScheduledItemIsPublishedExactlyOnceByTwoInstances() throws Exception {
        try (ConfigurableApplicationContext second = OtherInstance.start(mongo, s3, "fasheng.jobs.poll-interval=200ms")) {
            assertThat(second.getBean(S3Endpoint.class).uri()).as("the second instance shares the object store")
                    .isEqualTo(s3.uri());
            ConsoleClient admin = ConsoleClient.admin(http);
            ConsoleClient reviewer = TestUsers.create(http, "multi.reviewer", "孙审核", "REVIEWER");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = admin.post("/api/console/contents", Map.of("kind", "ARTICLE", "title", "定时发布第" + i + "篇",
                        "body", "<p>多实例定时发布</p>")).expectStatus(201).json().get("id").asString();
                admin.post("/api/console/contents/" + id + "/submit", null).expectStatus(200);
                reviewer.post("/api/console/contents/" + id + "/approve", Map.of()).expectStatus(200);
                ids.add(id);
            }
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(6);
            for (String id : ids) {
                reviewer.post("/api/console/contents/" + id + "/schedule", Map.of("publishAt", at.toString())).expectStatus(200);
            }
            for (String id : ids) {
                EditorialWorkflowScenarioTest.waitForState(admin, id, "PUBLISHED", Duration.ofSeconds(30));
            }
            Thread.sleep(1500);
            List<String> published = StreamSupport.stream(admin.get("/api/console/audit?size=200").json().get("items")
                    .spliterator(), false)
                    .filter(event -> event.get("action").asString().equals("PUBLISH"))
                    .map(event -> event.get("target").asString()).toList();
            for (String id : ids) {
                assertThat(published.stream().filter(target -> target.contains(id))).as("发布 entries for %s", id).hasSize(1);
            }
            JsonNode item = admin.get("/api/console/contents/" + ids.get(0)).json();
            assertThat(item.get("publishedAt").asString()).isNotBlank();
        }
    }
}
