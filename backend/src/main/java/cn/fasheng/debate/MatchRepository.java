package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;

interface MatchRepository extends ReactiveMongoRepository<Match, String> {

    Flux<Match> findByContestId(String contestId);

    Flux<Match> findByRoundIdOrderBySlot(String roundId);
}
