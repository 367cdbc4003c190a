package cn.fasheng.media;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.platform.storage.StoredKey;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Compares the object store with the asset records: objects no asset owns (or left by runs that were never
 * published), assets whose objects are gone, and content pointing at assets that do not exist. Repair removes
 * the orphans, re-transcodes assets whose outputs are missing but whose original is kept, and marks assets
 * whose original is lost as failed. Objects younger than an hour are left alone: they may belong to a run
 * still in progress.
 */
@Service
public class ConsistencyCheck {

    private static final Duration GRACE = Duration.ofHours(1);

    private final Assets assets;
    private final BlobStorage storage;
    private final MediaLibrary library;
    private final ObjectProvider<AssetReferences> references;

    ConsistencyCheck(Assets assets, BlobStorage storage, MediaLibrary library, ObjectProvider<AssetReferences> references) {
        this.assets = assets;
        this.storage = storage;
        this.library = library;
        this.references = references;
    }

    public record Dangling(String assetId, String problem) {
    }

    public record Report(List<String> orphanedObjects, List<Dangling> danglingAssets, List<String> missingAssetsReferenced,
            boolean repaired) {
    }

    public Mono<Report> check(boolean repair) {
        return Mono.zip(storage.list(AssetKeys.ROOT).collectList(),
                assets.findAll(new Query()).collectMap(MediaAsset::id),
                referenced().collect(Collectors.toSet()))
                .flatMap(t -> {
                    List<StoredKey> objects = t.getT1();
                    Map<String, MediaAsset> byId = t.getT2();
                    List<String> orphans = orphans(objects, byId);
                    Set<String> keys = objects.stream().map(StoredKey::key).collect(Collectors.toSet());
                    List<Dangling> dangling = dangling(byId, keys);
                    List<String> missing = t.getT3().stream().filter(id -> !byId.containsKey(id)).sorted().toList();
                    Report report = new Report(orphans, dangling, missing, repair);
                    return repair ? repair(report, byId).thenReturn(report) : Mono.just(report);
                });
    }

    private List<String> orphans(List<StoredKey> objects, Map<String, MediaAsset> byId) {
        var settled = assets.now().minus(GRACE);
        List<String> orphans = new ArrayList<>();
        for (StoredKey object : objects) {
            if (object.lastModified() != null && object.lastModified().isAfter(settled)) {
                continue;
            }
            MediaAsset owner = byId.get(AssetKeys.assetOf(object.key()));
            String run = AssetKeys.runOf(object.key());
            boolean stale = owner != null && run != null && owner.state() != AssetState.PROCESSING
                    && owner.state() != AssetState.QUEUED
                    && (owner.output() == null || !run.equals(owner.output().prefix()));
            if (owner == null || owner.state() == AssetState.DUPLICATE || stale) {
                orphans.add(object.key());
            }
        }
        return orphans;
    }

    private static List<Dangling> dangling(Map<String, MediaAsset> byId, Set<String> keys) {
        List<Dangling> dangling = new ArrayList<>();
        for (MediaAsset asset : byId.values()) {
            if (asset.state() == AssetState.UPLOADING || asset.state() == AssetState.DUPLICATE) {
                continue;
            }
            if (!keys.contains(asset.originalKey())) {
                dangling.add(new Dangling(asset.id(), "原文件丢失"));
            }
            else if (asset.output() != null && (!keys.contains(asset.output().poster())
                    || asset.output().renditions().stream().anyMatch(r -> !keys.contains(r.key()))
                    || (asset.output().hlsMaster() != null && !keys.contains(asset.output().hlsMaster())))) {
                dangling.add(new Dangling(asset.id(), "转码结果缺失"));
            }
        }
        return dangling;
    }

    private Mono<Void> repair(Report report, Map<String, MediaAsset> byId) {
        Mono<Void> removeOrphans = Flux.fromIterable(report.orphanedObjects()).concatMap(storage::delete).then();
        Mono<Void> fix = Flux.fromIterable(report.danglingAssets()).concatMap(d -> "原文件丢失".equals(d.problem())
                ? assets.transition(d.assetId(), List.of(AssetState.values()), new Update()
                        .set("state", AssetState.FAILED).set("failure", "原文件已从存储中丢失，请重新上传")).then()
                : library.retranscode(d.assetId()).then().onErrorResume(e -> Mono.empty())).then();
        return removeOrphans.then(fix);
    }

    private Flux<String> referenced() {
        AssetReferences refs = references.getIfAvailable();
        return refs == null ? Flux.empty() : refs.referencedAssetIds();
    }
}
