package cn.fasheng.publishing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/** The days whose figures a channel has already answered for, so that they are not asked for again. */
@Component
class FetchedDays {

    @Document("channel_figure_days")
    record FetchedDay(@Id String id, Channel channel, String day, Instant fetchedAt) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    FetchedDays(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Flux<LocalDate> missing(Channel channel, LocalDate from, LocalDate to) {
        return mongo.find(Query.query(Criteria.where("channel").is(channel).and("day").gte(from.toString()).lte(to.toString())),
                        FetchedDay.class)
                .map(FetchedDay::day).collect(Collectors.toSet())
                .flatMapMany((Set<String> done) -> Flux.fromStream(from.datesUntil(to.plusDays(1)))
                        .filter(day -> !done.contains(day.toString())));
    }

    reactor.core.publisher.Mono<Void> done(Channel channel, LocalDate day) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(channel.name() + ":" + day)),
                new Update().set("channel", channel).set("day", day.toString()).set("fetchedAt", clock.instant()),
                FetchedDay.class).then();
    }
}
