package cn.fasheng.content;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface ContentRepository extends ReactiveMongoRepository<Content, String> {

    Mono<Content> findBySlug(String slug);

    Mono<Boolean> existsByTopicsContains(String topic);

    Flux<Content> findByMediaAssetId(String assetId);

    Flux<Content> findByMediaAssetIdNotNull();
}
