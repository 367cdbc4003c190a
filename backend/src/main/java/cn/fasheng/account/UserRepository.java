package cn.fasheng.account;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface UserRepository extends ReactiveCrudRepository<User, String> {

    Mono<User> findByUsername(String username);

    Flux<User> findAllByOrderByCreatedAtAsc();

    Flux<User> findByRolesContainingAndEnabledTrue(Role role);
}
