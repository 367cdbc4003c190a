package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface RoundRepository extends ReactiveMongoRepository<Round, String> {

    Flux<Round> findByContestIdOrderBySeq(String contestId);

    Mono<Void> deleteByContestId(String contestId);
}
