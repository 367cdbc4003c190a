package cn.fasheng.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;

/**
 * A stopped and restarted application (Spring stops the lifecycle beans of an idle cached test context and starts
 * them again, as an operator's stop/start would) must go on running due jobs.
 */
@FashengAppTest
class JobRunnerRestartTest {

    @Autowired
    WebTestClient http;

    @Autowired
    JobRunner runner;

    @Test
    void dueJobsStillRunAfterTheRunnerIsStoppedAndStartedAgain() throws Exception {
        runner.stop();
        assertThat(runner.isRunning()).isFalse();
        runner.start();
        assertThat(runner.isRunning()).isTrue();

        ConsoleClient admin = ConsoleClient.admin(http);
        ConsoleClient reviewer = TestUsers.create(http, "restart.reviewer", "郑审核", "REVIEWER");
        String id = admin.post("/api/console/contents", Map.of("kind", "ANIMATION", "title", "重启后定时发布",
                "body", "<p>动画说明</p>")).expectStatus(201).json().get("id").asString();
        admin.post("/api/console/contents/" + id + "/submit", null).expectStatus(200);
        reviewer.post("/api/console/contents/" + id + "/approve", Map.of()).expectStatus(200);
        reviewer.post("/api/console/contents/" + id + "/schedule",
                Map.of("publishAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(2).toString())).expectStatus(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String state = "";
        while (!state.equals("PUBLISHED") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            state = admin.get("/api/console/contents/" + id).json().get("state").asString();
        }
        assertThat(state).isEqualTo("PUBLISHED");
    }
}
