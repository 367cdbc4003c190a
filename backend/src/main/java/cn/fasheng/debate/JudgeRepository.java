package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface JudgeRepository extends ReactiveMongoRepository<Judge, String> {

    Flux<Judge> findByContestId(String contestId);

    Mono<Void> deleteByContestId(String contestId);
}
