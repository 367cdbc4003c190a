package cn.fasheng.platform.embedded;

import java.nio.file.Path;

import org.bson.Document;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Mono;

/**
 * Run in a separate JVM by {@link KillNineDurabilityTest}: starts the embedded server on a file, inserts
 * documents one by one, each acknowledged, then prints DONE and waits to be killed.
 */
public final class AcknowledgedWriter {

    private AcknowledgedWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo mongo = EmbeddedMongo.acquire(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        try (MongoClient client = MongoClients.create(mongo.uri("fasheng"))) {
            MongoCollection<Document> collection = client.getDatabase("fasheng").getCollection("acks");
            for (int i = 0; i < count; i++) {
                Mono.from(collection.insertOne(new Document("n", i))).block();
            }
            System.out.println("DONE " + count);
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
