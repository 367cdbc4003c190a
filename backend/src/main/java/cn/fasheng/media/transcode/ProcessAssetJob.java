package cn.fasheng.media.transcode;

import java.time.Duration;

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

    @Override
    public Duration timeout() {
        return properties.transcodeTimeout().plusMinutes(30);
    }

    @Override
    public int concurrency() {
        return properties.ffmpegConcurrency();
    }

    @Override
    public Mono<Void> handle(ProcessAsset payload, JobLease lease) {
        return assets.claimRun(payload.assetId(), lease.fence())
                .flatMap(asset -> Mono.fromRunnable(() -> processor.run(asset, lease.fence()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> failed(asset, lease, e)))
                .then();
    }

    private Mono<Void> failed(MediaAsset asset, JobLease lease, Throwable e) {
        if (e instanceof AssetProcessor.LostRunException) {
            return Mono.empty();
        }
        if (e instanceof MediaRejectedException) {
            String reason = "“" + asset.name() + "”已拒收：" + e.getMessage();
            log.info("媒体文件 {} 被拒收：{}", asset.id(), e.getMessage());
            return library.purge(asset).then(Mono.error(new PermanentJobFailure(reason)));
        }
        boolean permanent = e instanceof AssetProcessor.TranscodeFailedException || lease.attempt() >= jobs.maxAttempts();
        String reason = e instanceof AssetProcessor.TranscodeFailedException ? e.getMessage() : "处理出错：" + e.getMessage();
        Update update = permanent ? new Update().set("state", AssetState.FAILED).set("failure", reason).unset("progress")
                : new Update().set("failure", reason + "（将自动重试）");
        return assets.fenced(asset.id(), lease.fence(), update)
                .then(Mono.error(permanent ? new PermanentJobFailure(reason) : e));
    }
}
