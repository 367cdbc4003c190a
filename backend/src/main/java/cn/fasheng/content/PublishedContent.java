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
    private static final int HOME_WINDOW = 300;
    private static final int HOME_FEATURED = 3;
    private static final int HOME_ARTICLES = 6;
    private static final int HOME_MEDIA = 4;
    private static final int HOME_TOPIC = 4;

    private final ReactiveMongoTemplate mongo;
    private final ViewCounter views;
    private final PublicLinks links;
    private final SearchTerms searchTerms;
    private final PublicContentCache cache;

    PublishedContent(ReactiveMongoTemplate mongo, ViewCounter views, PublicLinks links, SearchTerms searchTerms,
            PublicContentCache cache) {
        this.mongo = mongo;
        this.cache = cache;
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

    private record ListKey(ContentKind kind, String topic, String cursor, int size, boolean featured) {
    }

    private record SearchKey(Search search, String cursor, int size) {
    }

    /** What the home page shows: featured items, the newest of each kind, and the newest of each topic. */
    public record Home(List<Card> featured, Map<ContentKind, List<Card>> byKind, Map<String, List<Card>> byTopic) {
    }

    /**
     * The home page from one query over the newest items instead of one per block; a kind or topic with fewer
     * items in that window than its block shows gets its own query.
     */
    public Mono<Home> home(List<String> topicSlugs) {
        return cache.get(List.of("home", topicSlugs), () -> query(null, null, null, HOME_WINDOW).flatMap(window -> {
            Map<ContentKind, List<Card>> byKind = new java.util.EnumMap<>(ContentKind.class);
            Map<String, List<Card>> byTopic = new java.util.HashMap<>();
            List<Card> featured = new ArrayList<>();
            for (Card card : window.items()) {
                int wanted = card.kind() == ContentKind.ARTICLE ? HOME_ARTICLES : HOME_MEDIA;
                List<Card> ofKind = byKind.computeIfAbsent(card.kind(), k -> new ArrayList<>());
                if (ofKind.size() < wanted) {
                    ofKind.add(card);
                }
                for (String topic : card.topics()) {
                    List<Card> ofTopic = byTopic.computeIfAbsent(topic, t -> new ArrayList<>());
                    if (ofTopic.size() < HOME_TOPIC) {
                        ofTopic.add(card);
                    }
                }
            }
            boolean complete = window.nextCursor() == null;
            Mono<List<Card>> featuredCards = slice(published().and("featured").is(true), null, HOME_FEATURED, null)
                    .map(Slice::items);
            if (complete) {
                return featuredCards.map(f -> new Home(f, byKind, byTopic));
            }
            Mono<Map<ContentKind, List<Card>>> kinds = Flux.fromArray(ContentKind.values())
                    .concatMap(kind -> byKind.getOrDefault(kind, List.of()).size()
                            >= (kind == ContentKind.ARTICLE ? HOME_ARTICLES : HOME_MEDIA)
                            ? Mono.just(Map.entry(kind, byKind.get(kind)))
                            : query(kind, null, null, kind == ContentKind.ARTICLE ? HOME_ARTICLES : HOME_MEDIA)
                                    .map(s -> Map.entry(kind, s.items())))
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue);
            Mono<Map<String, List<Card>>> topics = Flux.fromIterable(topicSlugs)
                    .concatMap(topic -> byTopic.getOrDefault(topic, List.of()).size() >= HOME_TOPIC
                            ? Mono.just(Map.entry(topic, byTopic.get(topic)))
                            : query(null, topic, null, HOME_TOPIC).map(s -> Map.entry(topic, s.items())))
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue);
            return Mono.zip(featuredCards, kinds, topics).map(t -> new Home(t.getT1(), t.getT2(), t.getT3()));
        }));
    }


    public Mono<Slice> latest(ContentKind kind, String topic, String cursor, int size) {
        return cache.get(new ListKey(kind, topic, cursor, size, false), () -> query(kind, topic, cursor, size));
    }

    private Mono<Slice> query(ContentKind kind, String topic, String cursor, int size) {
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
        return cache.get(new SearchKey(search, cursor, size), () -> query(search, cursor, size));
    }

    private Mono<Slice> query(Search search, String cursor, int size) {
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
        return cache.get(new ListKey(null, null, null, size, true),
                () -> slice(published().and("featured").is(true), null, size, null));
    }

    public Mono<Content> page(ContentKind kind, String slug) {
        // By slug alone, so that the store's unique index answers it; state and kind are checked here.
        return mongo.findOne(Query.query(Criteria.where("slug").is(slug)), Content.class)
                .filter(c -> c.getState() == ContentState.PUBLISHED && c.getKind() == kind);
    }

    /** For feeds and the sitemap: newest first. */
    public Flux<Content> newest(String topic, int limit) {
        Criteria criteria = topic == null ? published() : published().and("topics").is(topic);
        return mongo.find(Query.query(criteria).with(NEWEST).limit(limit), Content.class);
    }

    /**
     * When the feed last changed: the newest update among published items, or a later withdrawal (which leaves
     * no published item behind to date it).
     */
    public Mono<Instant> lastChange(String topic) {
        Criteria criteria = topic == null ? published() : published().and("topics").is(topic);
        Query newest = Query.query(criteria).with(Sort.by(Sort.Order.desc("updatedAt"))).limit(1);
        newest.fields().include("updatedAt");
        Instant withdrawn = cache.changedAt();
        return mongo.findOne(newest, Content.class).map(Content::getUpdatedAt)
                .map(updated -> withdrawn != null && withdrawn.isAfter(updated) ? withdrawn : updated)
                .switchIfEmpty(Mono.justOrEmpty(withdrawn));
    }

    /** Address and dates of every published item, for the sitemap. */
    public Mono<List<Content>> sitemapEntries() {
        return cache.get("sitemap", () -> {
            Query query = Query.query(published()).with(NEWEST).limit(50_000);
            query.fields().include("kind", "slug", "publishedAt", "updatedAt");
            return mongo.find(query, Content.class).collectList();
        });
    }

    /** Cards of those of {@code ids} that are published, by id (for pages that link to chosen items). */
    public Mono<Map<String, Card>> cards(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        Query query = Query.query(published().and("_id").in(ids));
        query.fields().exclude("searchTerms").exclude("contributorIds").exclude("body");
        return mongo.find(query, Content.class).collectList()
                .flatMap(found -> views.of(found.stream().map(Content::getId).toList()).map(counts -> {
                    Map<String, Card> byId = new java.util.HashMap<>();
                    cards(found, counts, null).forEach(card -> byId.put(card.id(), card));
                    return byId;
                }));
    }

    /** Views of the item, all time. */
    public Mono<Long> views(Content content) {
        return views.of(content.getId());
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
