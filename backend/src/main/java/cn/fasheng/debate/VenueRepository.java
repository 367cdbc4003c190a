package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface VenueRepository extends ReactiveMongoRepository<Venue, String> {

    Flux<Venue> findByContestId(String contestId);

    Mono<Void> deleteByContestId(String contestId);
}
