package cn.fasheng.account;

import java.time.Instant;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

interface LoginAttemptRepository extends ReactiveCrudRepository<LoginAttempt, String> {

    Mono<Long> countByKeyAndAtAfter(String key, Instant after);

    Mono<Void> deleteByKey(String key);

    Mono<Void> deleteByKeyStartingWith(String prefix);

    Mono<Void> deleteByAtBefore(Instant before);
}
