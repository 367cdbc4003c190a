package cn.fasheng.platform.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** An acknowledged write to the embedded MongoDB survives kill -9 of the process that made it. */
class KillNineDurabilityTest {

    // The README's figure was measured with -Dfasheng.durability.writes=5000.
    private static final int WRITES = Integer.getInteger("fasheng.durability.writes", 300);

    @Test
    void everyAcknowledgedInsertSurvivesKillNine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mongo/fasheng.mv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                AcknowledgedWriter.class.getName(), file.toString(), Integer.toString(WRITES)))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("DONE")) {
                // skip the server's start-up logging
            }
            assertThat(line).isEqualTo("DONE " + WRITES);
        }
        writer.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

        EmbeddedMongo reopened = EmbeddedMongo.acquire(file);
        try (MongoClient client = MongoClients.create(reopened.uri("fasheng"))) {
            Long count = Mono.from(client.getDatabase("fasheng").getCollection("acks").countDocuments(new Document()))
                    .block();
            assertThat(count).isEqualTo(WRITES);
        }
        finally {
            reopened.release();
        }
    }
}
