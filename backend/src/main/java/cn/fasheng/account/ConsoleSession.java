package cn.fasheng.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed-in browser. The id is the SHA-256 of the cookie's token, so reading the database does not
 * yield a usable session. Kept in MongoDB so every application instance sees the same sessions.
 */
@Document("console_sessions")
record ConsoleSession(@Id String tokenHash, @Indexed String userId, Instant createdAt, @Indexed Instant lastSeenAt,
        String ip) {
}
