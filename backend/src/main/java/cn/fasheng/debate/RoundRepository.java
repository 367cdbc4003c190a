package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;

interface RoundRepository extends ReactiveMongoRepository<Round, String> {

    Flux<Round> findByContestIdOrderBySeq(String contestId);
}
