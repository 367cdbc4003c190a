package cn.fasheng.debate;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

import reactor.core.publisher.Flux;


interface JudgeRepository extends ReactiveMongoRepository<Judge, String> {

    Flux<Judge> findByContestId(String contestId);

}
