package cn.fasheng.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.stereotype.Component;

import cn.fasheng.platform.error.TooManyRequestsException;
import reactor.core.publisher.Mono;

/**
 * Limits password attempts per account and address within a sliding window. Every attempt is recorded
 * before the password is checked, so parallel guesses count too; a successful login clears the record.
 */
@Component
class LoginThrottle {

    private final LoginAttemptRepository attempts;
    private final AccountProperties properties;
    private final Clock clock;

    LoginThrottle(LoginAttemptRepository attempts, AccountProperties properties, Clock clock) {
        this.attempts = attempts;
        this.properties = properties;
        this.clock = clock;
    }

    static String key(String username, String ip) {
        return username.trim().toLowerCase(Locale.ROOT) + "|" + ip;
    }

    /** Records an attempt; fails with 429 once the window holds more attempts than failures allowed. */
    Mono<Void> attempt(String key) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(properties.loginFailureWindow());
        // Old attempts no longer count; dropping them here keeps the collection small without a TTL index,
        // which the embedded server does not enforce.
        return attempts.deleteByAtBefore(windowStart)
                .then(attempts.save(new LoginAttempt(null, key, now)))
                .then(attempts.countByKeyAndAtAfter(key, windowStart.minusNanos(1)))
                .flatMap(count -> count > properties.maxLoginFailures()
                        ? Mono.error(new TooManyRequestsException("登录失败次数过多，请 "
                                + properties.loginFailureWindow().toMinutes() + " 分钟后再试",
                                properties.loginFailureWindow()))
                        : Mono.empty());
    }

    Mono<Void> clear(String key) {
        return attempts.deleteByKey(key);
    }

    /** After an administrator resets the password, the account may sign in again from anywhere. */
    Mono<Void> clearAccount(String username) {
        return attempts.deleteByKeyStartingWith(key(username, ""));
    }
}
