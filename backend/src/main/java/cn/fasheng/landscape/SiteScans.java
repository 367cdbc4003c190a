package cn.fasheng.landscape;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.platform.web.Crawlers;
import reactor.core.publisher.Mono;

/**
 * QR-code scans per site and Shanghai day, counted with an atomic upsert on the day's document so that instances
 * counting at once lose nothing. Nothing about the visitor is stored; crawlers following the short link are not counted.
 */
@Component
public class SiteScans {

    @Document("landscape_scans")
    @CompoundIndex(name = "site_day", def = "{'siteId': 1, 'day': 1}")
    record ScanDay(@Id String id, String siteId, String day, long count) {
    }

    private static final Logger log = LoggerFactory.getLogger(SiteScans.class);

    private final ReactiveMongoTemplate mongo;

    SiteScans(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> count(LandscapeSite site, String userAgent) {
        if (Crawlers.isCrawler(userAgent)) {
            return Mono.empty();
        }
        String day = LocalDate.now(ShanghaiTime.ZONE).toString();
        return mongo.upsert(Query.query(Criteria.where("_id").is(site.id() + ":" + day)),
                new Update().setOnInsert("siteId", site.id()).setOnInsert("day", day).inc("count", 1), ScanDay.class)
                // Two instances creating the day's document at once: one insert loses the race, its retry increments.
                .retry(1)
                .then()
                .onErrorResume(e -> {
                    // The visitor still gets the page; a lost count is the lesser harm.
                    log.warn("微景观 {} 的扫码未能计数", site.id(), e);
                    return Mono.empty();
                });
    }

    /** Scans of one site, all time. */
    Mono<Long> total(String siteId) {
        return sums(Criteria.where("siteId").is(siteId)).map(totals -> totals.getOrDefault(siteId, 0L));
    }

    /** Scans per site id, all time. */
    public Mono<Map<String, Long>> totals() {
        return sums(new Criteria());
    }

    /** Scans per site id between two Shanghai days, both included. */
    Mono<Map<String, Long>> between(LocalDate from, LocalDate to) {
        return sums(Criteria.where("day").gte(from.toString()).lte(to.toString()));
    }

    private Mono<Map<String, Long>> sums(Criteria sites) {
        return mongo.aggregate(Aggregation.newAggregation(Aggregation.match(sites),
                Aggregation.group("siteId").sum("count").as("count")), ScanDay.class, Map.class).collectList().map(rows -> {
                    Map<String, Long> totals = new HashMap<>();
                    for (Map<?, ?> row : rows) {
                        totals.put(String.valueOf(row.get("_id")), ((Number) row.get("count")).longValue());
                    }
                    return totals;
                });
    }

    Mono<Void> forget(String siteId) {
        return mongo.remove(Query.query(Criteria.where("siteId").is(siteId)), ScanDay.class).then();
    }
}
