package cn.fasheng.account;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Mono;

interface ConsoleSessionRepository extends ReactiveCrudRepository<ConsoleSession, String> {

    Mono<Void> deleteByUserId(String userId);
}
