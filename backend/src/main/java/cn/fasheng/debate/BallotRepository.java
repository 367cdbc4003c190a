package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface BallotRepository extends ReactiveMongoRepository<Ballot, String> {

    Flux<Ballot> findByContestId(String contestId);

    Flux<Ballot> findByMatchId(String matchId);

    Mono<Ballot> findByMatchIdAndJudgeId(String matchId, String judgeId);

    Mono<Long> countByMatchIdIn(java.util.Collection<String> matchIds);
}
