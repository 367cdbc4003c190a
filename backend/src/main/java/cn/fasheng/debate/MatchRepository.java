package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface MatchRepository extends ReactiveMongoRepository<Match, String> {

    Flux<Match> findByContestId(String contestId);

    Mono<Void> deleteByContestId(String contestId);

    Mono<Void> deleteByRoundId(String roundId);
}
