package cn.fasheng.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One password attempt for an account from an address; counted within a sliding window. */
@Document("login_attempts")
record LoginAttempt(@Id String id, @Indexed String key, Instant at) {
}
