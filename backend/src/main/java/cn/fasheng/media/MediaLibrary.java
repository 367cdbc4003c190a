package cn.fasheng.media;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.account.Role;
import cn.fasheng.media.MediaViews.AssetPage;
import cn.fasheng.media.MediaViews.AssetStatus;
import cn.fasheng.media.MediaViews.AssetView;
import cn.fasheng.media.MediaViews.CaptionView;
import cn.fasheng.media.MediaViews.RenditionView;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.ForbiddenException;
import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.platform.jobs.JobQueue;
import cn.fasheng.platform.jobs.JobState;
import cn.fasheng.platform.storage.BlobStorage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The console's media library: listing, processing state, re-transcoding and deleting assets. */
@Service
public class MediaLibrary {

    private final Assets assets;
    private final BlobStorage storage;
    private final JobQueue jobs;
    private final MediaStore store;
    private final MediaProperties properties;
    private final ObjectProvider<AssetReferences> references;

    MediaLibrary(Assets assets, BlobStorage storage, JobQueue jobs, MediaStore store, MediaProperties properties,
            ObjectProvider<AssetReferences> references) {
        this.assets = assets;
        this.storage = storage;
        this.jobs = jobs;
        this.store = store;
        this.properties = properties;
        this.references = references;
    }

    public Mono<MediaAsset> get(String id) {
        return assets.find(id).switchIfEmpty(Mono.error(() -> new NotFoundException("媒体文件不存在或已被拒收删除")));
    }

    /** Queues probing and transcoding of an uploaded original. */
    public Mono<Void> process(MediaAsset asset) {
        return jobs.schedule(MediaJobs.processKey(asset.id()), MediaJobs.PROCESS,
                new MediaJobs.ProcessAsset(asset.id()), assets.now());
    }

    public Mono<AssetPage> list(AssetKind kind, List<AssetState> states, String ownerId, int page, int size,
            ConsolePrincipal user) {
        Criteria criteria = states == null || states.isEmpty() ? Criteria.where("state").ne(AssetState.DUPLICATE)
                : Criteria.where("state").in(states);
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        if (ownerId != null) {
            criteria = criteria.and("ownerId").is(ownerId);
        }
        Query query = Query.query(criteria);
        return Mono.zip(assets.findAll(Query.of(query).with(Sort.by(Sort.Direction.DESC, "createdAt"))
                        .skip((long) page * size).limit(size)).concatMap(this::view).collectList(),
                assets.count(query), assets.usedBy(user.userId()))
                .map(t -> new AssetPage(t.getT1(), t.getT2(), t.getT3(), properties.userQuota().toBytes()));
    }

    public Mono<AssetView> view(MediaAsset a) {
        AssetOutput out = a.output();
        List<RenditionView> renditions = out == null ? List.of()
                : out.renditions().stream().map(r -> RenditionView.of(r, store.url(r.key()))).toList();
        List<CaptionView> captions = a.captions() == null ? List.of()
                : a.captions().stream().map(c -> CaptionView.of(c, store.url(c.key()))).toList();
        return status(a).map(status -> new AssetView(a.id(), a.kind(), a.name(), a.size(), a.ownerName(), a.state(),
                a.state().label(), a.failure(), a.duplicateOf(), a.source(), renditions,
                out == null || out.hlsMaster() == null ? null : store.url(out.hlsMaster()),
                out == null || out.poster() == null ? null : store.url(out.poster()),
                out == null || out.thumbnails() == null ? null : store.url(out.thumbnails().key()),
                captions, status, a.createdAt(), a.updatedAt()));
    }

    public Mono<AssetStatus> status(MediaAsset a) {
        Mono<Long> position = a.state() == AssetState.QUEUED
                ? jobs.find(MediaJobs.processKey(a.id()))
                        .flatMap(job -> jobs.countAhead(List.of(MediaJobs.PROCESS), job.runAt()))
                        .map(ahead -> ahead + 1).defaultIfEmpty(1L)
                : Mono.just(0L);
        return position.map(pos -> {
            var p = a.progress();
            int percent = switch (a.state()) {
                case UPLOADING -> a.upload() == null || a.size() == 0 ? 0 : (int) (a.upload().offset() * 100 / a.size());
                case READY -> 100;
                case PROCESSING -> p == null ? 0 : p.percent();
                default -> 0;
            };
            String stage = a.state() == AssetState.PROCESSING && p != null ? p.stage() : a.state().label();
            return new AssetStatus(a.id(), a.state(), a.state().label(), stage, percent,
                    a.state() == AssetState.PROCESSING && p != null ? p.etaSeconds() : null,
                    pos == 0 ? null : pos, a.failure(), a.duplicateOf());
        });
    }

    /**
     * The live state of an asset; for an upload that was rejected and removed, the reason it was. Empty for the
     * moment between a rejected upload's removal and its job recording why.
     */
    public Mono<AssetStatus> statusOf(String id) {
        return assets.find(id).flatMap(this::status)
                .switchIfEmpty(Mono.defer(() -> jobs.find(MediaJobs.processKey(id))
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("媒体文件不存在")))
                        .flatMap(job -> {
                            if (job.lastError() != null) {
                                return Mono.just(new AssetStatus(id, AssetState.REJECTED, AssetState.REJECTED.label(),
                                        AssetState.REJECTED.label(), 0, null, null, job.lastError(), null));
                            }
                            return job.state() == JobState.PENDING || job.state() == JobState.RUNNING ? Mono.empty()
                                    : Mono.error(new NotFoundException("媒体文件不存在"));
                        })));
    }

    /** Transcodes again from the kept original, e.g. after the ladder changed. */
    public Mono<MediaAsset> retranscode(String id, ConsolePrincipal user) {
        return get(id).flatMap(asset -> mayManage(asset, user) ? retranscode(id)
                : Mono.error(new ForbiddenException("只有上传者、审核人员或管理员可以重新转码该文件")));
    }

    /** Uploader, reviewers and administrators manage an asset (re-transcode, captions); editors use it. */
    public static boolean mayManage(MediaAsset asset, ConsolePrincipal user) {
        return ownsOrAdministers(asset, user) || user.roles().contains(Role.REVIEWER);
    }

    /** The uploader or an administrator: may continue, cancel or delete the upload. */
    public static boolean ownsOrAdministers(MediaAsset asset, ConsolePrincipal user) {
        return asset.ownerId().equals(user.userId()) || user.roles().contains(Role.ADMIN);
    }

    public Mono<MediaAsset> retranscode(String id) {
        return get(id).flatMap(asset -> assets.transition(id, List.of(AssetState.READY, AssetState.FAILED),
                        new Update().set("state", AssetState.QUEUED).unset("failure").unset("progress"))
                .switchIfEmpty(Mono.error(() -> new ConflictException("只有已处理完或处理失败的文件可以重新转码")))
                .flatMap(queued -> process(queued).thenReturn(queued)));
    }

    /** Deletes an asset with every object it has; refused while content still uses it. */
    public Mono<Void> delete(String id, ConsolePrincipal user) {
        return get(id).flatMap(asset -> {
            if (!ownsOrAdministers(asset, user)) {
                return Mono.error(new ForbiddenException("只有上传者或管理员可以删除该文件"));
            }
            return usersOf(id).collectList().flatMap(used -> used.isEmpty() ? purge(asset)
                    : Mono.error(new ConflictException("该文件正被以下内容使用，不能删除：" + String.join("、", used))));
        });
    }

    /** Removes the asset and all its objects, whatever its state. */
    public Mono<Void> purge(MediaAsset asset) {
        Mono<Void> abort = asset.upload() == null ? Mono.empty()
                : storage.abortMultipart(asset.originalKey(), asset.upload().uploadId());
        return jobs.cancel(MediaJobs.processKey(asset.id()))
                .onErrorResume(e -> Mono.empty())
                .then(assets.transition(asset.id(), List.of(AssetState.values()),
                        new Update().set("state", AssetState.REMOVING).set("runFence", Long.MAX_VALUE)))
                .then(abort)
                .then(storage.deleteAll(AssetKeys.prefix(asset.id())))
                .then(assets.remove(asset.id()));
    }

    /** What uses the asset, directly or through an identical upload that gave way to it. */
    public Flux<String> usersOf(String id) {
        AssetReferences refs = references.getIfAvailable();
        if (refs == null) {
            return Flux.empty();
        }
        return refs.usersOf(id).concatWith(assets.duplicatesOf(id).concatMap(d -> refs.usersOf(d.id())));
    }

    public static String readable(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
}
