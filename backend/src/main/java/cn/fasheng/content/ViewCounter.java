package cn.fasheng.content;

import java.util.Collection;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Page views per item, all time, shown on the public pages. Kept apart from the content document so that counting never
 * collides with an editor's save (which carries a version). The counting itself (per day, crawlers and repeats left
 * out) is the reach feature's; it adds what it counted here with an atomic $inc per item.
 */
@Service
public class ViewCounter {

    @Document("content_views")
    record Views(@Id String id, long views) {
    }

    private final ReactiveMongoTemplate mongo;

    ViewCounter(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> add(Map<String, Long> views) {
        return reactor.core.publisher.Flux.fromIterable(views.entrySet())
                .flatMap(e -> mongo.upsert(Query.query(Criteria.where("_id").is(e.getKey())), new Update().inc("views", e.getValue()),
                        Views.class).retryWhen(reactor.util.retry.Retry.max(1)
                        .filter(org.springframework.dao.DuplicateKeyException.class::isInstance)), 4)
                .then();
    }

    public Mono<Long> of(String contentId) {
        return mongo.findById(contentId, Views.class).map(Views::views).defaultIfEmpty(0L);
    }

    public Mono<Map<String, Long>> of(Collection<String> contentIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(contentIds)), Views.class)
                .collectMap(Views::id, Views::views);
    }
}
