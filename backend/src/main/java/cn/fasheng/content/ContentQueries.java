package cn.fasheng.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import cn.fasheng.content.ContentDtos.CalendarEntry;
import cn.fasheng.content.ContentDtos.ContentListItem;
import cn.fasheng.content.ContentDtos.ContentPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The console's views over all content: filtered list, review queue, calendar. */
@Service
class ContentQueries {

    private final ReactiveMongoTemplate mongo;

    ContentQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Filter(ContentKind kind, ContentState state, String topic, String authorId, String text) {
    }

    Mono<ContentPage> list(Filter filter, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        if (filter.kind() != null) {
            all.add(Criteria.where("kind").is(filter.kind()));
        }
        if (filter.state() != null) {
            all.add(Criteria.where("state").is(filter.state()));
        }
        if (filter.topic() != null && !filter.topic().isBlank()) {
            all.add(Criteria.where("topics").is(filter.topic()));
        }
        if (filter.authorId() != null && !filter.authorId().isBlank()) {
            all.add(Criteria.where("authorId").is(filter.authorId()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            Pattern text = Pattern.compile(Pattern.quote(filter.text().strip()), Pattern.CASE_INSENSITIVE);
            all.add(new Criteria().orOperator(Criteria.where("title").regex(text), Criteria.where("slug").regex(text)));
        }
        Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
        Mono<Long> total = mongo.count(Query.of(query), Content.class);
        Flux<ContentListItem> items = mongo.find(Query.of(query).with(Sort.by(Sort.Order.desc("updatedAt"),
                Sort.Order.desc("_id"))).skip((long) page * size).limit(size), Content.class).map(ContentListItem::of);
        return Mono.zip(items.collectList(), total).map(t -> new ContentPage(t.getT1(), page, size, t.getT2()));
    }

    Flux<ContentListItem> reviewQueue() {
        return mongo.find(Query.query(Criteria.where("state").is(ContentState.IN_REVIEW))
                .with(Sort.by(Sort.Order.asc("updatedAt"))).limit(500), Content.class).map(ContentListItem::of);
    }

    Flux<CalendarEntry> calendar(Instant from, Instant to) {
        Query query = Query.query(new Criteria().orOperator(
                Criteria.where("publishAt").gte(from).lt(to),
                Criteria.where("unpublishAt").gte(from).lt(to),
                Criteria.where("publishedAt").gte(from).lt(to)));
        return mongo.find(query.limit(2000), Content.class).flatMapIterable(c -> {
            List<CalendarEntry> entries = new ArrayList<>();
            add(entries, c, "PUBLISH", c.getState() == ContentState.SCHEDULED ? c.getPublishAt() : null, from, to);
            add(entries, c, "PUBLISHED", c.getPublishedAt(), from, to);
            add(entries, c, "UNPUBLISH", c.getUnpublishAt(), from, to);
            return entries;
        }).sort((a, b) -> a.at().compareTo(b.at()));
    }

    private static void add(List<CalendarEntry> out, Content c, String event, Instant at, Instant from, Instant to) {
        if (at != null && !at.isBefore(from) && at.isBefore(to)) {
            out.add(new CalendarEntry(c.getId(), c.getTitle(), c.getKind(), c.getState(), event, at));
        }
    }
}
