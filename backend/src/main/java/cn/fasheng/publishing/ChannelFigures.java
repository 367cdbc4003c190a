package cn.fasheng.publishing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The channels' own figures for the column's posts, per day, as fetched by {@link ChannelFiguresJob}. */
@Service
public class ChannelFigures {

    public static final String VIEWS = "views";
    public static final String READERS = "readers";
    public static final String LIKES = "likes";
    public static final String COINS = "coins";
    public static final String FAVORITES = "favorites";
    public static final String SHARES = "shares";
    public static final String COMMENTS = "comments";
    public static final String DANMAKU = "danmaku";

    /** Every channel name for a figure, in the order they are tried; the first that arrives is taken. */
    private static final Map<String, List<String>> NAMES = names();

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    ChannelFigures(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** One post's increase on one day, under the project's names. */
    public record DayFigures(Channel channel, String contentId, LocalDate day, Map<String, Long> gained) {

        public long get(String figure) {
            return gained.getOrDefault(figure, 0L);
        }
    }

    /** Every post's figures between two Shanghai days, both included. */
    public Flux<DayFigures> between(LocalDate from, LocalDate to) {
        return mongo.find(Query.query(Criteria.where("day").gte(from.toString()).lte(to.toString())), ChannelFigure.class)
                .map(f -> new DayFigures(f.channel(), f.contentId(), LocalDate.parse(f.day()),
                        f.gained() == null ? Map.of() : f.gained()));
    }

    /** Running totals of a post as read today; the day's increase is measured from the last earlier reading. */
    Mono<Void> recordTotals(ChannelPost post, LocalDate day, Map<String, Long> reported) {
        Map<String, Long> totals = normalise(reported);
        Query earlier = Query.query(Criteria.where("postId").is(post.id()).and("day").lt(day.toString()))
                .with(Sort.by(Sort.Direction.DESC, "day")).limit(1);
        return mongo.findOne(earlier, ChannelFigure.class)
                .map(before -> normalise(before.reported()))
                .defaultIfEmpty(Map.of())
                .flatMap(before -> {
                    Map<String, Long> gained = new LinkedHashMap<>();
                    // A count the channel lowered (a removed comment, a spam sweep) is no negative reach.
                    totals.forEach((name, value) -> gained.put(name, Math.max(0, value - before.getOrDefault(name, 0L))));
                    return store(post, day, reported, gained);
                });
    }

    /** Figures the channel reports for one day only. */
    Mono<Void> recordDay(ChannelPost post, LocalDate day, Map<String, Long> reported) {
        return store(post, day, reported, normalise(reported));
    }

    private Mono<Void> store(ChannelPost post, LocalDate day, Map<String, Long> reported, Map<String, Long> gained) {
        String id = ChannelFigure.id(post.channel(), post.id(), day.toString());
        Update update = new Update().set("channel", post.channel()).set("postId", post.id()).set("contentId", post.contentId())
                .set("day", day.toString()).set("reported", reported).set("gained", gained).set("fetchedAt", clock.instant());
        return mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, ChannelFigure.class).retry(1).then();
    }

    static Map<String, Long> normalise(Map<String, Long> reported) {
        Map<String, Long> figures = new LinkedHashMap<>();
        NAMES.forEach((figure, names) -> names.stream().filter(reported::containsKey).findFirst()
                .ifPresent(name -> figures.put(figure, reported.get(name))));
        return figures;
    }

    private static Map<String, List<String>> names() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put(VIEWS, List.of("view", "views", "play", "int_page_read_count"));
        names.put(READERS, List.of("int_page_read_user", "read_user"));
        names.put(LIKES, List.of("like", "likes", "like_count"));
        names.put(COINS, List.of("coin", "coins"));
        names.put(FAVORITES, List.of("favorite", "favorites", "fav", "add_to_fav_count", "add_to_fav_user"));
        names.put(SHARES, List.of("share", "shares", "share_count"));
        names.put(COMMENTS, List.of("reply", "replies", "comment", "comment_count"));
        names.put(DANMAKU, List.of("danmaku", "dm"));
        return names;
    }
}
