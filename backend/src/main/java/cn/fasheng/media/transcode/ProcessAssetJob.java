package cn.fasheng.media.transcode;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import cn.fasheng.media.AssetState;
import cn.fasheng.media.Assets;
import cn.fasheng.media.MediaAsset;
import cn.fasheng.media.MediaJobs;
import cn.fasheng.media.MediaJobs.ProcessAsset;
import cn.fasheng.media.MediaLibrary;
import cn.fasheng.media.MediaProperties;
import cn.fasheng.platform.jobs.JobHandler;
import cn.fasheng.platform.jobs.JobLease;
import cn.fasheng.platform.jobs.JobProperties;
import cn.fasheng.platform.jobs.PermanentJobFailure;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Probes and transcodes one uploaded asset. A rejected original is removed entirely (the job keeps the
 * reason); a transcode failure leaves the original for a later re-transcode; other errors are retried.
 */
@Component
class ProcessAssetJob implements JobHandler<ProcessAsset> {

    private static final Logger log = LoggerFactory.getLogger(ProcessAssetJob.class);

    private final Assets assets;
    private final AssetProcessor processor;
    private final MediaLibrary library;
    private final MediaProperties properties;
    private final JobProperties jobs;

    ProcessAssetJob(Assets assets, AssetProcessor processor, MediaLibrary library, MediaProperties properties,
            JobProperties jobs) {
        this.assets = assets;
        this.processor = processor;
        this.library = library;
        this.properties = properties;
        this.jobs = jobs;
    }

    @Override
    public String type() {
        return MediaJobs.PROCESS;
    }

    @Override
    public Class<ProcessAsset> payloadType() {
        return ProcessAsset.class;
    }

    /** A backstop only: the run gives up earlier itself (see {@link #handle}) and says why. */
    @Override
    public Duration timeout() {
        return properties.transcodeTimeout().plusHours(1);
    }

    @Override
    public int concurrency() {
        return properties.ffmpegConcurrency();
    }

    @Override
    public Mono<Void> handle(ProcessAsset payload, JobLease lease) {
        return assets.claimRun(payload.assetId())
                .flatMap(asset -> Mono.fromRunnable(() -> runUnlessStopped(asset))
                        .subscribeOn(Schedulers.boundedElastic())
                        .timeout(properties.transcodeTimeout().plusMinutes(30))
                        .onErrorResume(e -> failed(asset, lease, e)))
                .then();
    }

    /** A run stopped by its instance (interrupted) ends quietly: the job is handed back and runs again. */
    private void runUnlessStopped(MediaAsset asset) {
        try {
            processor.run(asset, asset.runFence());
        }
        catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                throw e;
            }
        }
    }

    private Mono<Void> failed(MediaAsset asset, JobLease lease, Throwable e) {
        long fence = asset.runFence();
        if (e instanceof AssetProcessor.LostRunException) {
            return Mono.empty();
        }
        if (e instanceof MediaRejectedException) {
            String reason = "“" + asset.name() + "”已拒收：" + e.getMessage();
            log.info("媒体文件 {} 被拒收：{}", asset.id(), e.getMessage());
            // Only a new upload nothing links to is removed; one that was playable before (a re-transcode) or is
            // already linked keeps its record and outputs, marked failed. Removal shows as REMOVING, not as a
            // failure, until the job records the reason the editor then sees.
            Mono<Boolean> keep = asset.output() != null ? Mono.just(true) : library.usersOf(asset.id()).hasElements();
            return keep.flatMap(kept -> kept
                    ? assets.fenced(asset.id(), fence, new Update().set("state", AssetState.FAILED).set("failure", reason)
                            .unset("progress")).then()
                    : assets.fenced(asset.id(), fence, new Update().set("state", AssetState.REMOVING)
                            .set("runFence", Long.MAX_VALUE)).flatMap(held -> held ? library.purge(asset) : Mono.<Void>empty()))
                    .then(Mono.error(new PermanentJobFailure(reason)));
        }
        boolean permanent = e instanceof AssetProcessor.TranscodeFailedException || e instanceof TimeoutException
                || lease.attempt() >= jobs.maxAttempts();
        String reason = e instanceof TimeoutException
                ? "处理超过 " + properties.transcodeTimeout().toMinutes() + " 分钟仍未完成，已停止"
                : e instanceof AssetProcessor.TranscodeFailedException ? e.getMessage() : "处理出错：" + e.getMessage();
        Update update = permanent ? new Update().set("state", AssetState.FAILED).set("failure", reason).unset("progress")
                : new Update().set("failure", reason + "（将自动重试）");
        return assets.fenced(asset.id(), fence, update)
                .then(Mono.error(permanent ? new PermanentJobFailure(reason) : e));
    }
}
