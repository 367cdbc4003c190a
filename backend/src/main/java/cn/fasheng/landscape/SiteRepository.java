package cn.fasheng.landscape;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface SiteRepository extends ReactiveCrudRepository<LandscapeSite, String> {

    Mono<LandscapeSite> findBySlug(String slug);

    Mono<LandscapeSite> findByFormerSlugs(String slug);

    Mono<LandscapeSite> findByCode(String code);

    Flux<LandscapeSite> findAllByOrderByStreetAscNameAsc();

    Flux<LandscapeSite> findByPublishedTrueOrderByStreetAscNameAsc();

    Mono<Long> countByStreet(String street);

    Mono<Long> countByCategory(String category);

    Mono<Boolean> existsByNameAndStreet(String name, String street);
}
