package cn.fasheng.content;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Page views per item, kept apart from the content document so that counting never collides with an
 * editor's save (which carries a version). An atomic $inc per view; crawlers are not counted.
 */
@Service
public class ViewCounter {

    private static final Pattern BOT = Pattern.compile("(?i)bot|spider|crawl|slurp|bingpreview|facebookexternalhit|headless");

    @Document("content_views")
    record Views(@Id String id, long views) {
    }

    private final ReactiveMongoTemplate mongo;

    ViewCounter(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Counts one view and returns the count including it (or the current count for a crawler). */
    public Mono<Long> count(String contentId, String userAgent) {
        Query one = Query.query(Criteria.where("_id").is(contentId));
        if (userAgent == null || BOT.matcher(userAgent).find()) {
            return mongo.findOne(one, Views.class).map(Views::views).defaultIfEmpty(0L);
        }
        return mongo.findAndModify(one, new Update().inc("views", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Views.class).map(Views::views);
    }

    public Mono<Map<String, Long>> of(Collection<String> contentIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(contentIds)), Views.class)
                .collectMap(Views::id, Views::views);
    }
}
