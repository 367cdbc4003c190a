package cn.fasheng.media;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.fasheng.media.MediaAsset.Part;
import cn.fasheng.media.MediaAsset.Progress;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code media_assets} collection. Writes by processing runs are fenced on {@code runFence}. */
@Component
public class Assets {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    Assets(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<MediaAsset> insert(MediaAsset asset) {
        return mongo.insert(asset);
    }

    public Mono<MediaAsset> find(String id) {
        return mongo.findById(id, MediaAsset.class);
    }

    public Flux<MediaAsset> findAll(Query query) {
        return mongo.find(query, MediaAsset.class);
    }

    public Mono<Long> count(Query query) {
        return mongo.count(query, MediaAsset.class);
    }

    public Mono<Void> remove(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), MediaAsset.class).then();
    }

    /** Bytes a user's uploads hold or have reserved; duplicates and failed uploads hold nothing. */
    public Mono<Long> usedBy(String ownerId) {
        Aggregation sum = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("ownerId").is(ownerId)
                        .and("state").in(AssetState.UPLOADING, AssetState.QUEUED, AssetState.PROCESSING,
                                AssetState.READY, AssetState.FAILED)),
                Aggregation.group().sum("size").as("total"));
        return mongo.aggregate(sum, "media_assets", org.bson.Document.class).next()
                .map(d -> ((Number) d.get("total")).longValue()).defaultIfEmpty(0L);
    }

    /** Records a stored part, provided nobody else advanced the upload meanwhile. */
    public Mono<MediaAsset> addPart(String id, long expectedOffset, Part part) {
        Query query = Query.query(Criteria.where("_id").is(id).and("state").is(AssetState.UPLOADING)
                .and("upload.offset").is(expectedOffset));
        Update update = new Update().push("upload.parts", part).set("upload.offset", expectedOffset + part.size())
                .set("updatedAt", clock.instant());
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), MediaAsset.class);
    }

    /** Moves an asset between states unless it has left {@code from} meanwhile. */
    public Mono<MediaAsset> transition(String id, List<AssetState> from, Update update) {
        Query query = Query.query(Criteria.where("_id").is(id).and("state").in(from));
        return mongo.findAndModify(query, update.set("updatedAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), MediaAsset.class);
    }

    /**
     * Takes the asset for a new processing run: its fence grows by one, so any earlier run (e.g. of a worker
     * whose lease expired) can no longer write. The asset answered carries the run's fence.
     */
    public Mono<MediaAsset> claimRun(String id) {
        Query query = Query.query(Criteria.where("_id").is(id).and("state").in(AssetState.QUEUED, AssetState.PROCESSING));
        Update update = new Update().inc("runFence", 1).set("state", AssetState.PROCESSING).unset("failure")
                .set("progress", new Progress("准备处理", 0, null, clock.instant())).set("updatedAt", clock.instant());
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), MediaAsset.class);
    }

    /** A write by the run holding {@code fence}; false when the run no longer holds the asset. */
    public Mono<Boolean> fenced(String id, long fence, Update update) {
        Query query = Query.query(Criteria.where("_id").is(id).and("runFence").is(fence)
                .and("state").is(AssetState.PROCESSING));
        return mongo.updateFirst(query, update.set("updatedAt", clock.instant()), MediaAsset.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    public Mono<Boolean> progress(String id, long fence, String stage, int percent, Long etaSeconds) {
        return fenced(id, fence, new Update().set("progress", new Progress(stage, percent, etaSeconds, clock.instant())));
    }

    /**
     * A playable asset of the same kind with the same content. Only finished ones count: giving way to one still
     * in progress could leave nothing if that one then fails.
     */
    public Mono<MediaAsset> sameContent(MediaAsset asset, String sha256) {
        Query query = Query.query(Criteria.where("sha256").is(sha256).and("_id").ne(asset.id())
                .and("kind").is(asset.kind()).and("state").is(AssetState.READY))
                .with(Sort.by("createdAt", "_id"));
        return mongo.findOne(query, MediaAsset.class);
    }

    /** Duplicates that point at an asset (content may still link to them). */
    public Flux<MediaAsset> duplicatesOf(String id) {
        return mongo.find(Query.query(Criteria.where("duplicateOf").is(id)), MediaAsset.class);
    }

    public Instant now() {
        return clock.instant();
    }
}
