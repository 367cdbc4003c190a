package cn.fasheng.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.stereotype.Component;

import cn.fasheng.platform.error.TooManyRequestsException;
import reactor.core.publisher.Mono;

/** Refuses logins for an account from an address after too many recent failures. */
@Component
class LoginThrottle {

    private final LoginFailureRepository failures;
    private final AccountProperties properties;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, AccountProperties properties, Clock clock) {
        this.failures = failures;
        this.properties = properties;
        this.clock = clock;
    }

    static String key(String username, String ip) {
        return username.trim().toLowerCase(Locale.ROOT) + "|" + ip;
    }

    Mono<Void> check(String key) {
        Instant windowStart = clock.instant().minus(properties.loginFailureWindow());
        return failures.countByKeyAndAtAfter(key, windowStart)
                .flatMap(count -> count >= properties.maxLoginFailures()
                        ? Mono.error(new TooManyRequestsException("登录失败次数过多，请 "
                                + properties.loginFailureWindow().toMinutes() + " 分钟后再试",
                                properties.loginFailureWindow()))
                        : Mono.empty());
    }

    Mono<Void> recordFailure(String key) {
        Instant now = clock.instant();
        // Old failures no longer count; dropping them here keeps the collection small without a TTL index,
        // which the embedded server does not enforce.
        return failures.deleteByAtBefore(now.minus(properties.loginFailureWindow()))
                .then(failures.save(new LoginFailure(null, key, now)))
                .then();
    }

    Mono<Void> clear(String key) {
        return failures.deleteByKey(key);
    }
}
