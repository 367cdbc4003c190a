package cn.fasheng.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The post documents: plain reads, and the run-fenced writes a publishing run makes. */
@Component
class Posts {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    Posts(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    Mono<ChannelPost> find(String id) {
        return mongo.findById(id, ChannelPost.class);
    }

    Mono<ChannelPost> insert(ChannelPost post) {
        return mongo.insert(post);
    }

    Flux<ChannelPost> between(Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("scheduledAt").gte(from).lt(to)).with(Sort.by("scheduledAt")),
                ChannelPost.class);
    }

    Flux<ChannelPost> inStates(Collection<PostState> states, int limit) {
        return mongo.find(Query.query(Criteria.where("state").in(states)).with(Sort.by("scheduledAt")).limit(limit),
                ChannelPost.class);
    }

    Flux<ChannelPost> recent(Channel channel, int limit) {
        return mongo.find(Query.query(Criteria.where("channel").is(channel)).with(Sort.by(Sort.Direction.DESC, "updatedAt"))
                .limit(limit), ChannelPost.class);
    }

    Flux<ChannelPost> ofContent(String contentId) {
        return mongo.find(Query.query(Criteria.where("contentId").is(contentId)), ChannelPost.class);
    }

    Flux<ChannelPost> inReviewWithRemoteId(String remoteId) {
        return mongo.find(Query.query(Criteria.where("remoteId").is(remoteId).and("state").is(PostState.IN_REVIEW)),
                ChannelPost.class);
    }

    Flux<ChannelPost> published(Channel channel) {
        return mongo.find(Query.query(Criteria.where("channel").is(channel).and("state").is(PostState.PUBLISHED)),
                ChannelPost.class);
    }

    Flux<ChannelPost> held(Channel channel) {
        return mongo.find(Query.query(Criteria.where("channel").is(channel).and("state").is(PostState.HELD)), ChannelPost.class);
    }

    /** An editor's change, only while nothing is in flight on the channel. */
    Mono<ChannelPost> edit(String id, Update update) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("state").in((Object[]) editableStates())),
                update.set("updatedAt", now()), FindAndModifyOptions.options().returnNew(true), ChannelPost.class);
    }

    /** A change that keeps the post in the state it was seen in (no run took it meanwhile). */
    Mono<ChannelPost> touch(String id, PostState state, Update update) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("state").is(state)),
                update.set("updatedAt", now()), FindAndModifyOptions.options().returnNew(true), ChannelPost.class);
    }

    Mono<Boolean> remove(String id) {
        PostState[] removable = java.util.Arrays.stream(PostState.values()).filter(PostState::removable).toArray(PostState[]::new);
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and("state").in((Object[]) removable)), ChannelPost.class)
                .map(result -> result.getDeletedCount() == 1);
    }

    Mono<Long> count(Channel channel, Collection<PostState> states) {
        return mongo.count(Query.query(Criteria.where("channel").is(channel).and("state").in(states)), ChannelPost.class);
    }

    /** Takes the post for one run: its fence grows, so an earlier run that is somehow still going writes nothing more. */
    Mono<ChannelPost> claim(String id) {
        Query open = Query.query(Criteria.where("_id").is(id).and("state")
                .in(PostState.SCHEDULED, PostState.POSTING, PostState.IN_REVIEW, PostState.HELD));
        return mongo.findAndModify(open, new Update().inc("runFence", 1), FindAndModifyOptions.options().returnNew(true),
                ChannelPost.class);
    }

    /** A write of the run holding {@code fence}; fails with {@link LostRunException} once another run took the post. */
    Mono<ChannelPost> fenced(String id, long fence, Update update) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("runFence").is(fence)),
                        update.set("updatedAt", now()), FindAndModifyOptions.options().returnNew(true), ChannelPost.class)
                .switchIfEmpty(Mono.error(LostRunException::new));
    }

    private static PostState[] editableStates() {
        return java.util.Arrays.stream(PostState.values()).filter(PostState::editable).toArray(PostState[]::new);
    }

    /** Another run holds the post now; this one stops without writing. */
    static final class LostRunException extends RuntimeException {

        LostRunException() {
            super("另一个发布任务已接手该发布");
        }
    }
}
