package cn.fasheng.media;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.fasheng.media.MediaAsset.Caption;
import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.platform.storage.BlobStorage;
import reactor.core.publisher.Mono;

/**
 * WebVTT captions of a video, kept beside its runs ({@code assets/X/captions/<lang>.vtt}) so they survive a
 * re-transcode; the HLS master of the published run is rewritten to list them.
 */
@Service
public class AssetCaptions {

    private final Assets assets;
    private final BlobStorage storage;
    private final MediaLibrary library;

    AssetCaptions(Assets assets, BlobStorage storage, MediaLibrary library) {
        this.assets = assets;
        this.storage = storage;
        this.library = library;
    }

    public Mono<MediaAsset> add(String id, String lang, String label, byte[] bytes, String name) {
        String language = lang == null || lang.isBlank() ? "zh" : lang.strip();
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            return Mono.error(new UploadRejectedException(HttpStatus.BAD_REQUEST, "语言代码不正确，例如 zh、en"));
        }
        String title = label == null || label.isBlank() ? ("zh".equals(language) ? "中文字幕" : language) : label.strip();
        return library.get(id).flatMap(asset -> {
            if (asset.kind() != AssetKind.VIDEO) {
                return Mono.error(new UploadRejectedException(HttpStatus.BAD_REQUEST, "只有微视频可以添加字幕"));
            }
            String vtt = CaptionFiles.toWebVtt(bytes, name);
            Caption caption = new Caption(language, title, AssetKeys.caption(id, language));
            List<Caption> captions = new ArrayList<>(asset.captions() == null ? List.of() : asset.captions());
            captions.removeIf(c -> c.lang().equals(language));
            captions.add(caption);
            return storage.put(caption.key(), vtt.getBytes(StandardCharsets.UTF_8), "text/vtt;charset=utf-8")
                    .then(save(asset, captions));
        });
    }

    public Mono<MediaAsset> remove(String id, String lang) {
        return library.get(id).flatMap(asset -> {
            List<Caption> captions = new ArrayList<>(asset.captions() == null ? List.of() : asset.captions());
            if (!captions.removeIf(c -> c.lang().equals(lang))) {
                return Mono.error(new NotFoundException("没有该语言的字幕"));
            }
            return save(asset, captions).flatMap(saved -> storage.delete(AssetKeys.caption(id, lang)).thenReturn(saved));
        });
    }

    private Mono<MediaAsset> save(MediaAsset asset, List<Caption> captions) {
        return assets.transition(asset.id(), List.of(AssetState.values()), new Update().set("captions", captions))
                .flatMap(saved -> rewritePlaylists(saved).thenReturn(saved));
    }

    private Mono<Void> rewritePlaylists(MediaAsset asset) {
        AssetOutput out = asset.output();
        if (out == null || out.hlsMaster() == null) {
            return Mono.empty();
        }
        double duration = out.renditions().get(0).durationSeconds();
        Mono<Void> playlists = Mono.when(asset.captions().stream().map(c -> storage.put(
                AssetKeys.captionPlaylist(out.prefix(), c.lang()),
                HlsMaster.captions(c, duration).getBytes(StandardCharsets.UTF_8), "application/vnd.apple.mpegurl")).toList());
        return playlists.then(storage.put(out.hlsMaster(),
                HlsMaster.master(out.renditions(), asset.captions()).getBytes(StandardCharsets.UTF_8),
                "application/vnd.apple.mpegurl"));
    }
}
