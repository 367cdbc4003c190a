package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface BallotRepository extends ReactiveMongoRepository<Ballot, String> {

    Flux<Ballot> findByContestId(String contestId);

    Mono<Void> deleteByContestId(String contestId);
}
