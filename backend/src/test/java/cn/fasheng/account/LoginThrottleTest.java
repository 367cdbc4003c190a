package cn.fasheng.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import cn.fasheng.platform.PlatformProperties;
import cn.fasheng.platform.embedded.EmbeddedStoresConfig;
import cn.fasheng.platform.error.TooManyRequestsException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle against the embedded MongoDB: counts per account and address within a sliding window. */
@DataMongoTest(properties = "fasheng.data-dir=test-data/throttle-${random.uuid}")
@Import({EmbeddedStoresConfig.Mongo.class, LoginThrottle.class, LoginThrottleTest.Clocks.class})
@EnableConfigurationProperties({PlatformProperties.class, AccountProperties.class})
class LoginThrottleTest {

    @TestConfiguration
    static class Clocks {

        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    static class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-03-01T02:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Autowired
    LoginThrottle throttle;

    @Autowired
    MovableClock clock;

    @Test
    void theEleventhAttemptWithinFifteenMinutesIsRefusedForThatAccountAndAddressOnly() {
        String key = LoginThrottle.key(" Qian.Editor ", "10.1.2.3");
        StepVerifier.create(attempts(key, 10)).verifyComplete();
        StepVerifier.create(throttle.attempt(key)).expectError(TooManyRequestsException.class).verify();
        StepVerifier.create(throttle.attempt(LoginThrottle.key("qian.editor", "10.9.9.9"))).verifyComplete();
        StepVerifier.create(throttle.attempt(LoginThrottle.key("QIAN.EDITOR", "10.1.2.3")))
                .expectError(TooManyRequestsException.class)
                .verify();
    }

    @Test
    void parallelGuessesCountToo() {
        String key = LoginThrottle.key("zhou.editor", "10.1.2.5");
        long refused = Flux.range(0, 16)
                .flatMap(i -> throttle.attempt(key).thenReturn(false)
                        .onErrorResume(TooManyRequestsException.class, e -> Mono.just(true)), 16)
                .filter(Boolean::booleanValue)
                .count().block();
        assertThat(refused).isGreaterThanOrEqualTo(6);
    }

    @Test
    void attemptsOlderThanTheWindowNoLongerCountAndSuccessOrResetClearsThem() {
        String key = LoginThrottle.key("sun.review", "10.1.2.4");
        StepVerifier.create(attempts(key, 11)).expectError(TooManyRequestsException.class).verify();
        clock.advance(Duration.ofMinutes(16));
        StepVerifier.create(throttle.attempt(key)).verifyComplete();

        StepVerifier.create(throttle.clear(key).then(attempts(key, 10)).then(throttle.clear(key))
                .then(throttle.attempt(key))).verifyComplete();
        StepVerifier.create(throttle.clear(key).then(attempts(key, 10))
                .then(throttle.clearAccount("SUN.review")).then(throttle.attempt(key)))
                .verifyComplete();
    }

    private Mono<Void> attempts(String key, int times) {
        Mono<Void> all = Mono.empty();
        for (int i = 0; i < times; i++) {
            all = all.then(throttle.attempt(key));
        }
        return all;
    }
}
