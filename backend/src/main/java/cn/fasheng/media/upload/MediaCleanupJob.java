package cn.fasheng.media.upload;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import cn.fasheng.media.AssetState;
import cn.fasheng.media.Assets;
import cn.fasheng.media.MediaJobs;
import cn.fasheng.media.MediaJobs.Cleanup;
import cn.fasheng.media.MediaLibrary;
import cn.fasheng.media.MediaProperties;
import cn.fasheng.platform.jobs.JobHandler;
import cn.fasheng.platform.jobs.JobQueue;
import cn.fasheng.platform.jobs.JobState;
import cn.fasheng.platform.storage.BlobStorage;
import reactor.core.publisher.Mono;

/**
 * Every hour: uploads untouched for longer than the configured time are aborted and their parts removed,
 * multipart uploads nobody owns are aborted, records of duplicates nothing links to are dropped after a day,
 * assets queued without a job are queued again, and finished jobs (whose messages tell editors why an upload
 * was rejected) are forgotten after a week.
 */
@Component
class MediaCleanupJob implements JobHandler<Cleanup> {

    static final String KEY = MediaJobs.CLEANUP;
    static final Duration EVERY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(MediaCleanupJob.class);

    private final Assets assets;
    private final ResumableUploads uploads;
    private final BlobStorage storage;
    private final JobQueue jobs;
    private final MediaProperties properties;
    private final MediaLibrary library;

    MediaCleanupJob(Assets assets, ResumableUploads uploads, BlobStorage storage, JobQueue jobs,
            MediaProperties properties, MediaLibrary library) {
        this.library = library;
        this.assets = assets;
        this.uploads = uploads;
        this.storage = storage;
        this.jobs = jobs;
        this.properties = properties;
    }

    @Override
    public String type() {
        return MediaJobs.CLEANUP;
    }

    @Override
    public Class<Cleanup> payloadType() {
        return Cleanup.class;
    }

    @EventListener(ApplicationReadyEvent.class)
    void planOnStart() {
        plan().subscribe(null, e -> log.warn("无法安排媒体清理任务：{}", e.toString()));
    }

    Mono<Void> plan() {
        return jobs.find(KEY).filter(job -> job.state() == JobState.PENDING || job.state() == JobState.RUNNING)
                .hasElement()
                .flatMap(planned -> planned ? Mono.<Void>empty()
                        : jobs.schedule(KEY, MediaJobs.CLEANUP, new Cleanup("media"), assets.now().plus(Duration.ofMinutes(1))));
    }

    @Override
    public Mono<Void> handle(Cleanup payload) {
        return sweep().then(jobs.schedule(KEY, MediaJobs.CLEANUP, payload, assets.now().plus(EVERY)));
    }

    /** Runs the sweep now; answers how many abandoned uploads were removed. */
    Mono<Long> sweep() {
        Instant cutoff = assets.now().minus(properties.abandonedUploadAfter());
        Mono<Long> abandoned = assets.findAll(Query.query(Criteria.where("state").is(AssetState.UPLOADING)
                        .and("updatedAt").lt(cutoff)))
                .concatMap(asset -> uploads.abandon(asset).thenReturn(asset))
                .doOnNext(asset -> log.info("已清理超时未完成的上传：{}（{}）", asset.name(), asset.id()))
                .count();
        Mono<Long> strays = storage.pendingMultiparts()
                .filter(p -> p.started() != null && p.started().isBefore(cutoff))
                .filterWhen(p -> assets.count(Query.query(Criteria.where("upload.uploadId").is(p.uploadId()))).map(n -> n == 0))
                .concatMap(p -> storage.abortMultipart(p.key(), p.uploadId()).thenReturn(p))
                .count()
                .onErrorResume(e -> {
                    log.warn("无法列出未完成的分片上传：{}", e.toString());
                    return Mono.just(0L);
                });
        Mono<Long> duplicates = assets.findAll(Query.query(Criteria.where("state").is(AssetState.DUPLICATE)
                        .and("updatedAt").lt(assets.now().minus(Duration.ofDays(1)))))
                .filterWhen(asset -> library.usersOf(asset.id()).hasElements().map(used -> !used))
                .concatMap(asset -> assets.remove(asset.id()).thenReturn(asset)).count();
        // A crash between queueing an asset and planning its job leaves it waiting for nothing.
        Mono<Long> requeued = assets.findAll(Query.query(Criteria.where("state").is(AssetState.QUEUED)
                        .and("updatedAt").lt(assets.now().minus(Duration.ofMinutes(10)))))
                .filterWhen(asset -> jobs.find(MediaJobs.processKey(asset.id()))
                        .map(job -> job.state() == JobState.DONE || job.state() == JobState.FAILED).defaultIfEmpty(true))
                .concatMap(asset -> library.process(asset).thenReturn(asset)).count();
        Mono<Long> finishedJobs = jobs.purgeFinished(assets.now().minus(Duration.ofDays(7)));
        return abandoned.flatMap(count -> strays.then(duplicates).then(requeued).then(finishedJobs).thenReturn(count));
    }
}
