package cn.fasheng.debate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.platform.storage.S3Endpoint;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.OtherInstance;
import cn.fasheng.support.TestUsers;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's page is open on one instance while the editor enters a ballot through another: the reader's event
 * stream still announces the change, and the page it then fetches carries the result.
 */
@FashengAppTest
class DebateLiveTest {

    @Autowired
    WebTestClient http;

    @Autowired
    MongoConnectionDetails mongo;

    @Autowired
    S3Endpoint s3;

    @Test
    void aBallotEnteredOnOneInstanceReachesReadersOfAnother() throws Exception {
        ConsoleClient editor = TestUsers.create(http, "live-editor", "现场录入", "EDITOR");
        ConsoleClient reviewer = TestUsers.create(http, "live-reviewer", "现场审核", "REVIEWER");
        DebateFixture contest = DebateFixture.create(editor, reviewer, "SURNAME", false, 2, 1);
        contest.importRoster(DebateFixture.rosterCsv(4));
        contest.addJudgesAndVenues(2, 2, false);
        String roundId = contest.createRound("PRELIMINARY").get("id").asString();
        JsonNode match = contest.generate(roundId).get("matches").get(0);
        contest.release(roundId, true, true, true, reviewer);

        try (ConfigurableApplicationContext second = OtherInstance.start(mongo, s3)) {
            String base = "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/debate/" + contest.slug + "/live")).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                long before = nextRevision(lines);

                contest.enterBallots(match, id -> id.equals(match.get("affirmative").get("teamId").asString()) ? 1 : 0, 0);

                CompletableFuture<Long> after = CompletableFuture.supplyAsync(() -> nextRevision(lines));
                assertThat(after.get(10, TimeUnit.SECONDS)).isGreaterThan(before);
            }
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "/debate/" + contest.slug + "/results")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("正方 " + match.get("affirmative").get("name").asString() + " 胜");
        }
    }

    @Autowired
    DebateLive live;

    /** The test framework pauses idle contexts (stops their lifecycle beans) and starts them again when used. */
    @Test
    void streamsOpenedAfterTheApplicationIsStoppedAndStartedAgainStillCarryEvents() {
        live.stop();
        live.start();
        Flux<ServerSentEvent<String>> events = http.get().uri("/debate/demo-2026/live").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody();
        StepVerifier.create(events)
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("changed");
                    assertThat(Long.parseLong(event.data())).isPositive();
                })
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    private static long nextRevision(BufferedReader lines) {
        try {
            String line;
            boolean changed = false;
            while ((line = lines.readLine()) != null) {
                if (line.equals("event:changed")) {
                    changed = true;
                }
                else if (changed && line.startsWith("data:")) {
                    return Long.parseLong(line.substring(5).strip());
                }
            }
            throw new AssertionError("stream ended");
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
