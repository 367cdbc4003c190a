package cn.fasheng.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the public may see: published items only, newest first, paged by a (publishedAt, id) cursor so that a
 * page costs the same however deep it is.
 */
@Service
public class PublishedContent {

    private static final Sort NEWEST = Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id"));

    private final ReactiveMongoTemplate mongo;
    private final ViewCounter views;
    private final PublicLinks links;
    private final SearchTerms searchTerms;

    PublishedContent(ReactiveMongoTemplate mongo, ViewCounter views, PublicLinks links, SearchTerms searchTerms) {
        this.mongo = mongo;
        this.views = views;
        this.links = links;
        this.searchTerms = searchTerms;
    }

    /** One item in a public list; {@code titleHtml} and {@code excerptHtml} are escaped, with search marks. */
    public record Card(String id, ContentKind kind, String title, String summary, String coverUrl, String href,
            Instant publishedAt, List<String> topics, long views, String titleHtml, String excerptHtml) {

        public String publishedDay() {
            return ShanghaiTime.day(publishedAt);
        }

        public String publishedIso() {
            return ShanghaiTime.iso(publishedAt);
        }
    }

    public record Slice(List<Card> items, String nextCursor) {
    }

    public record Search(String text, List<String> terms, ContentKind kind, String topic, Instant from, Instant to) {
    }

    public Mono<Slice> latest(ContentKind kind, String topic, String cursor, int size) {
        Criteria criteria = published();
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        if (topic != null) {
            criteria = criteria.and("topics").is(topic);
        }
        return slice(criteria, cursor, size, null);
    }

    public Mono<Slice> search(Search search, String cursor, int size) {
        if (search.terms().isEmpty()) {
            return Mono.just(new Slice(List.of(), null));
        }
        Criteria criteria = published().and("searchTerms").all(search.terms());
        if (search.kind() != null) {
            criteria = criteria.and("kind").is(search.kind());
        }
        if (search.topic() != null) {
            criteria = criteria.and("topics").is(search.topic());
        }
        if (search.from() != null || search.to() != null) {
            Criteria date = Criteria.where("publishedAt");
            if (search.from() != null) {
                date = date.gte(search.from());
            }
            if (search.to() != null) {
                date = date.lt(search.to());
            }
            criteria = new Criteria().andOperator(criteria, date);
        }
        return slice(criteria, cursor, size, search.terms());
    }

    public Search searchOf(String text, ContentKind kind, String topic, Instant from, Instant to) {
        return new Search(text, searchTerms.query(text), kind, topic, from, to);
    }

    public Mono<Slice> featured(int size) {
        return slice(published().and("featured").is(true), null, size, null);
    }

    public Mono<Content> page(ContentKind kind, String slug) {
        return mongo.findOne(Query.query(published().and("kind").is(kind).and("slug").is(slug)), Content.class);
    }

    /** For feeds and the sitemap: newest first. */
    public Flux<Content> newest(String topic, int limit) {
        Criteria criteria = topic == null ? published() : published().and("topics").is(topic);
        return mongo.find(Query.query(criteria).with(NEWEST).limit(limit), Content.class);
    }

    /** When anything public last changed: the newest update among published items. */
    public Mono<Instant> lastChange(String topic) {
        Criteria criteria = topic == null ? published() : published().and("topics").is(topic);
        return mongo.findOne(Query.query(criteria).with(Sort.by(Sort.Order.desc("updatedAt"))).limit(1), Content.class)
                .map(Content::getUpdatedAt);
    }

    public Mono<Long> countView(Content content, String userAgent) {
        return views.count(content.getId(), userAgent);
    }

    private Mono<Slice> slice(Criteria criteria, String cursor, int size, List<String> terms) {
        Criteria paged = criteria;
        Cursor after = Cursor.parse(cursor);
        if (after != null) {
            paged = new Criteria().andOperator(criteria, new Criteria().orOperator(
                    Criteria.where("publishedAt").lt(after.publishedAt()),
                    Criteria.where("publishedAt").is(after.publishedAt()).and("_id").lt(after.id())));
        }
        Query query = Query.query(paged).with(NEWEST).limit(size + 1);
        query.fields().exclude("searchTerms").exclude("contributorIds");
        if (terms == null) {
            query.fields().exclude("body");
        }
        return mongo.find(query, Content.class).collectList().flatMap(found -> {
            List<Content> page = found.size() > size ? found.subList(0, size) : found;
            String next = found.size() > size ? Cursor.of(page.get(page.size() - 1)) : null;
            return views.of(page.stream().map(Content::getId).toList())
                    .map(counts -> new Slice(cards(page, counts, terms), next));
        });
    }

    private List<Card> cards(List<Content> page, Map<String, Long> counts, List<String> terms) {
        List<Card> cards = new ArrayList<>();
        for (Content c : page) {
            String title = terms == null ? null : Highlighter.mark(c.getTitle(), terms);
            String excerpt = terms == null ? null
                    : Highlighter.excerpt(join(c.getSummary(), HtmlSanitizer.text(c.getBody())), terms);
            cards.add(new Card(c.getId(), c.getKind(), c.getTitle(), c.getSummary(), c.getCoverUrl(), links.page(c),
                    c.getPublishedAt(), c.getTopics(), counts.getOrDefault(c.getId(), 0L), title, excerpt));
        }
        return cards;
    }

    private static String join(String summary, String text) {
        return summary == null ? text : summary + " " + text;
    }

    private static Criteria published() {
        return Criteria.where("state").is(ContentState.PUBLISHED);
    }

    /** "<epoch millis>-<object id>": opaque to readers, stable across inserts. */
    record Cursor(Instant publishedAt, ObjectId id) {

        static String of(Content last) {
            return last.getPublishedAt().toEpochMilli() + "-" + last.getId();
        }

        static Cursor parse(String value) {
            if (value == null || !value.matches("^\\d{1,15}-[0-9a-f]{24}$")) {
                return null;
            }
            int dash = value.indexOf('-');
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(value.substring(0, dash))),
                    new ObjectId(value.substring(dash + 1)));
        }
    }
}
