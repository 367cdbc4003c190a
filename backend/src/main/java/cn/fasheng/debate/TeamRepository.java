package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface TeamRepository extends ReactiveMongoRepository<Team, String> {

    Flux<Team> findByContestId(String contestId);

    Mono<Void> deleteByImportId(String importId);

    Mono<Void> deleteByContestId(String contestId);
}
