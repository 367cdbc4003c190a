package cn.fasheng.platform.jobs;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit of background work due at {@code runAt}. One instance holds it at a time through a lease; the
 * fence grows with every claim so that a holder whose lease expired cannot record an outcome any more.
 */
@Document("jobs")
@CompoundIndex(name = "due", def = "{'state': 1, 'runAt': 1}")
public record Job(
        @Id String id,
        @Indexed(unique = true) String key,
        String type,
        org.bson.Document payload,
        Instant runAt,
        JobState state,
        String leaseOwner,
        Instant leaseUntil,
        long fence,
        int attempts,
        String lastError,
        Instant finishedAt) {
}
