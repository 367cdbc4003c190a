package cn.fasheng.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** The MongoDB lease queue shared by every application instance. A job's key makes scheduling idempotent. */
@Service
public class JobQueue {

    private final ReactiveMongoTemplate mongo;
    private final MongoConverter converter;
    private final JobProperties properties;
    private final Clock clock;

    public JobQueue(ReactiveMongoTemplate mongo, JobProperties properties, Clock clock) {
        this.mongo = mongo;
        this.converter = mongo.getConverter();
        this.properties = properties;
        this.clock = clock;
    }

    /** Plans (or re-plans) the job with this key; a pending job with the same key is replaced. */
    public Mono<Void> schedule(String key, String type, Record payload, Instant runAt) {
        org.bson.Document document = new org.bson.Document();
        converter.write(payload, document);
        Update update = new Update().set("type", type).set("payload", document).set("runAt", runAt)
                .set("state", JobState.PENDING).set("attempts", 0).unset("lastError").unset("finishedAt")
                .unset("leaseOwner").unset("leaseUntil").setOnInsert("fence", 0L);
        return mongo.upsert(Query.query(Criteria.where("key").is(key)), update, Job.class).then();
    }

    /** Brings a pending job forward to now; a running one is left alone (it is already doing the work). */
    public Mono<Void> expedite(String key) {
        return mongo.updateFirst(Query.query(Criteria.where("key").is(key).and("state").is(JobState.PENDING)),
                new Update().set("runAt", clock.instant()), Job.class).then();
    }

    /** How many jobs of these types are due or running and were due before {@code runAt}. */
    public Mono<Long> countAhead(java.util.Collection<String> types, Instant runAt) {
        return mongo.count(Query.query(Criteria.where("type").in(types)
                .and("state").in(JobState.PENDING, JobState.RUNNING).and("runAt").lt(runAt)), Job.class);
    }

    /** Forgets jobs that finished (done or given up) before {@code before}; answers how many. */
    public Mono<Long> purgeFinished(Instant before) {
        return mongo.remove(Query.query(Criteria.where("state").in(JobState.DONE, JobState.FAILED)
                .and("finishedAt").lt(before)), Job.class).map(result -> result.getDeletedCount());
    }

    /** Drops a job that has not started; a running one finds its conditions changed and does nothing. */
    public Mono<Void> cancel(String key) {
        return mongo.remove(Query.query(Criteria.where("key").is(key).and("state").is(JobState.PENDING)), Job.class)
                .then();
    }

    public Mono<Job> find(String key) {
        return mongo.findOne(Query.query(Criteria.where("key").is(key)), Job.class);
    }

    Mono<Job> claim(String owner, java.util.Collection<String> types) {
        Instant now = clock.instant();
        Query due = Query.query(new Criteria().andOperator(Criteria.where("type").in(types), new Criteria().orOperator(
                Criteria.where("state").is(JobState.PENDING).and("runAt").lte(now),
                Criteria.where("state").is(JobState.RUNNING).and("leaseUntil").lt(now))))
                .with(Sort.by("runAt"));
        Update claim = new Update().set("state", JobState.RUNNING).set("leaseOwner", owner)
                .set("leaseUntil", now.plus(properties.lease())).inc("fence", 1).inc("attempts", 1);
        return mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), Job.class);
    }

    /** Renews the lease of a run still in progress; false when another instance has taken the job over. */
    Mono<Boolean> extend(Job job) {
        return finish(job, new Update().set("leaseUntil", clock.instant().plus(properties.lease())));
    }

    /** Hands a running job back (this instance is stopping): due again at once, and not counted as an attempt. */
    Mono<Boolean> release(Job job) {
        return finish(job, new Update().set("state", JobState.PENDING).set("runAt", clock.instant()).inc("attempts", -1)
                .unset("leaseOwner").unset("leaseUntil"));
    }

    Mono<Boolean> complete(Job job) {
        return finish(job, new Update().set("state", JobState.DONE).set("finishedAt", clock.instant())
                .unset("leaseOwner").unset("leaseUntil"));
    }

    Mono<Boolean> fail(Job job, String error) {
        return fail(job, error, false);
    }

    Mono<Boolean> fail(Job job, String error, boolean permanent) {
        return retry(job, error, permanent, backoff(job));
    }

    /** 10 s, 20 s, 40 s ... (by default) capped at 30 min. */
    private Duration backoff(Job job) {
        return Duration.ofMillis(Math.min(1_800_000,
                properties.retryBackoff().toMillis() << Math.min(Math.max(job.attempts() - 1, 0), 10)));
    }

    /** A failure the handler knows when to retry (e.g. the other side's Retry-After), or a planned wait. */
    Mono<Boolean> retry(Job job, RetryJob retry) {
        if (!retry.attempt()) {
            return finish(job, new Update().set("state", JobState.PENDING).set("runAt", clock.instant().plus(retry.after()))
                    .set("lastError", retry.getMessage()).inc("attempts", -1).unset("leaseOwner").unset("leaseUntil"));
        }
        // The other side's wait is a minimum: a "Retry-After: 1" must not use up every attempt in seconds.
        Duration backoff = backoff(job);
        return retry(job, retry.getMessage(), false, retry.after().compareTo(backoff) > 0 ? retry.after() : backoff);
    }

    private Mono<Boolean> retry(Job job, String error, boolean permanent, Duration delay) {
        boolean giveUp = permanent || job.attempts() >= properties.maxAttempts();
        Update update = giveUp
                ? new Update().set("state", JobState.FAILED).set("finishedAt", clock.instant())
                : new Update().set("state", JobState.PENDING).set("runAt", clock.instant().plus(withJitter(delay)));
        return finish(job, update.set("lastError", error).unset("leaseOwner").unset("leaseUntil"));
    }

    /** Up to a fifth more, so that jobs that failed together (a busy channel) do not all come back at once. */
    private static Duration withJitter(Duration delay) {
        long millis = delay.toMillis();
        return Duration.ofMillis(millis + java.util.concurrent.ThreadLocalRandom.current().nextLong(millis / 5 + 1));
    }

    <P> P payload(Job job, Class<P> type) {
        return converter.read(type, job.payload());
    }

    private Mono<Boolean> finish(Job job, Update update) {
        Query mine = Query.query(Criteria.where("_id").is(job.id()).and("fence").is(job.fence())
                .and("state").is(JobState.RUNNING));
        return mongo.updateFirst(mine, update, Job.class).map(result -> result.getModifiedCount() == 1);
    }
}
