package cn.fasheng.content;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface RevisionRepository extends ReactiveMongoRepository<Revision, String> {

    Flux<Revision> findByContentIdOrderByNumberDesc(String contentId);

    Mono<Revision> findByContentIdAndNumber(String contentId, int number);

    Mono<Void> deleteByContentId(String contentId);
}
