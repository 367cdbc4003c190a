package cn.fasheng.media;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.fasheng.media.AssetOutput.Rendition;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.storage.BlobStorage;
import reactor.core.publisher.Mono;

/** What other features may ask of assets: link one to content, play one on a public page, import one. */
@Service
public class MediaAssets {

    private static final int FALLBACK_MAX = 720;

    private final Assets assets;
    private final BlobStorage storage;
    private final MediaStore store;
    private final MediaLibrary library;

    MediaAssets(Assets assets, BlobStorage storage, MediaStore store, MediaLibrary library) {
        this.assets = assets;
        this.storage = storage;
        this.store = store;
        this.library = library;
    }

    /** The asset content may link to: a duplicate upload resolves to the asset it duplicates. */
    public Mono<MediaAsset> linkable(String id, AssetKind kind, String field) {
        return assets.find(id)
                .flatMap(a -> a.state() == AssetState.DUPLICATE && a.duplicateOf() != null ? assets.find(a.duplicateOf()) : Mono.just(a))
                .switchIfEmpty(Mono.error(() -> new InvalidRequestException(field, "所选的媒体文件不存在或已被删除")))
                .flatMap(a -> a.kind() == kind ? Mono.just(a) : Mono.error(new InvalidRequestException(field,
                        kind == AssetKind.VIDEO ? "微视频需要选择视频文件，而不是动画" : "微动画需要选择动画文件，而不是视频")));
    }

    public Mono<Player> player(String id) {
        if (id == null) {
            return Mono.just(Player.NONE);
        }
        return assets.find(id)
                .flatMap(a -> a.state() == AssetState.DUPLICATE && a.duplicateOf() != null ? assets.find(a.duplicateOf()) : Mono.just(a))
                .map(this::player).defaultIfEmpty(Player.NONE);
    }

    Player player(MediaAsset a) {
        AssetOutput out = a.output();
        String version = a.id() + ":" + a.updatedAt().toEpochMilli();
        if (out == null) {
            String text = a.state() == AssetState.FAILED ? "视频暂时无法播放，编辑正在处理。" : "视频正在处理中，请稍后再来观看。";
            return new Player(false, a.kind() == AssetKind.ANIMATION, null, null, null, 0, 0, 0, List.of(), version, text);
        }
        Rendition fallback = out.renditions().stream()
                .filter(r -> Math.min(r.width(), r.height()) <= FALLBACK_MAX)
                .max(Comparator.comparingInt(r -> Math.min(r.width(), r.height())))
                .orElse(out.renditions().get(out.renditions().size() - 1));
        Rendition top = out.renditions().get(0);
        List<Player.Track> tracks = a.captions() == null ? List.of()
                : a.captions().stream().map(c -> new Player.Track(store.url(c.key()), c.lang(), c.label())).toList();
        return new Player(true, a.kind() == AssetKind.ANIMATION, out.hlsMaster() == null ? null : store.url(out.hlsMaster()),
                store.url(fallback.key()), store.url(out.poster()), top.width(), top.height(), top.durationSeconds(),
                tracks, version, null);
    }

    /** What cross-posting needs of a video: its renditions (highest first) and poster, once it is playable. */
    public Mono<Playable> playable(String id) {
        return assets.find(id)
                .flatMap(a -> a.state() == AssetState.DUPLICATE && a.duplicateOf() != null ? assets.find(a.duplicateOf()) : Mono.just(a))
                .filter(a -> a.output() != null)
                .map(a -> new Playable(a.id(), a.output().renditions(), store.url(a.output().poster())));
    }

    /**
     * The bytes of a picture the column serves under {@code /media/} (an uploaded image or a video's poster), e.g. to
     * upload a cover to a channel; empty when the address is not such a picture of ours or the object is gone.
     */
    public Mono<byte[]> servedBytes(String url) {
        String prefix = store.url("");
        if (url == null || !url.startsWith(prefix)) {
            return Mono.empty();
        }
        String key = url.substring(prefix.length());
        // Pictures only (uploaded images, at most 20 MB, and video posters): never a video read into memory.
        if (key.contains("..") || !(key.startsWith("images/") || (key.startsWith("assets/") && key.endsWith("/poster.jpg")))) {
            return Mono.empty();
        }
        return storage.exists(key).flatMap(exists -> exists ? storage.get(key) : Mono.empty());
    }

    public record Playable(String assetId, List<Rendition> renditions, String posterUrl) {
    }

    /** Brings in a file already on this machine (the demo content), then processes it like an upload. */
    public Mono<String> importFile(Path file, String name, AssetKind kind, String ownerName) {
        String id = new org.bson.types.ObjectId().toHexString();
        String key = AssetKeys.original(id);
        return Mono.fromCallable(() -> java.nio.file.Files.size(file)).flatMap(size -> storage.put(key, file,
                        "application/octet-stream")
                .then(assets.insert(new MediaAsset(id, kind, "system", ownerName, name, size, AssetState.QUEUED, null,
                        null, null, key, null, null, null, null, List.of(), null, 0, assets.now(), assets.now()))))
                .flatMap(asset -> library.process(asset).thenReturn(asset.id()))
                .onErrorMap(java.io.IOException.class, e -> new UploadRejectedException(HttpStatus.BAD_REQUEST, e.getMessage()));
    }
}
