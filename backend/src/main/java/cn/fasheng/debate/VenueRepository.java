package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;


interface VenueRepository extends ReactiveMongoRepository<Venue, String> {

    Flux<Venue> findByContestId(String contestId);

}
