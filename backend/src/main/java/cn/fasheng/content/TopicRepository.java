package cn.fasheng.content;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface TopicRepository extends ReactiveMongoRepository<Topic, String> {

    Flux<Topic> findAllByOrderByPositionAscNameAsc();

    Mono<Topic> findBySlug(String slug);
}
