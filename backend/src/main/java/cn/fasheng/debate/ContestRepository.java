package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface ContestRepository extends ReactiveMongoRepository<Contest, String> {

    Mono<Contest> findBySlug(String slug);

    Flux<Contest> findByPublishedTrueOrderByCreatedAtDesc();

    Flux<Contest> findAllByOrderByCreatedAtDesc();
}
