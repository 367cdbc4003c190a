package cn.fasheng.media;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.media.MediaAsset.Caption;
import cn.fasheng.platform.error.ForbiddenException;
import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.platform.storage.BlobStorage;
import reactor.core.publisher.Flux;
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

    public Mono<MediaAsset> add(String id, String lang, String label, byte[] bytes, String name, ConsolePrincipal user) {
        String language = lang == null || lang.isBlank() ? "zh" : lang.strip();
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            return Mono.error(new UploadRejectedException(HttpStatus.BAD_REQUEST, "语言代码不正确，例如 zh、en"));
        }
        String title = label == null || label.isBlank() ? ("zh".equals(language) ? "中文字幕" : language) : label.strip();
        // The label is written into the HLS playlist: quotes or line breaks there would add playlist lines.
        if (title.length() > 30 || title.chars().anyMatch(c -> c == '"' || c == ',' || Character.isISOControl(c))) {
            return Mono.error(new UploadRejectedException(HttpStatus.BAD_REQUEST, "字幕名称最多 30 个字，不能含引号、逗号或换行"));
        }
        return managed(id, user).flatMap(asset -> {
            if (asset.kind() != AssetKind.VIDEO) {
                return Mono.error(new UploadRejectedException(HttpStatus.BAD_REQUEST, "只有微视频可以添加字幕"));
            }
            String vtt = CaptionFiles.toWebVtt(bytes, name);
            Caption caption = new Caption(language, title, AssetKeys.caption(id, language));
            return storage.put(caption.key(), vtt.getBytes(StandardCharsets.UTF_8), "text/vtt;charset=utf-8")
                    .then(assets.transition(id, List.of(AssetState.values()), withoutLanguage(language)))
                    .then(assets.transition(id, List.of(AssetState.values()), new Update().push("captions", caption)))
                    .flatMap(saved -> rewritePlaylists(saved).thenReturn(saved));
        });
    }

    public Mono<MediaAsset> remove(String id, String lang, ConsolePrincipal user) {
        return managed(id, user).flatMap(asset -> {
            if (asset.captions() == null || asset.captions().stream().noneMatch(c -> c.lang().equals(lang))) {
                return Mono.error(new NotFoundException("没有该语言的字幕"));
            }
            return assets.transition(id, List.of(AssetState.values()), withoutLanguage(lang))
                    .flatMap(saved -> rewritePlaylists(saved).then(storage.delete(AssetKeys.caption(id, lang)))
                            .thenReturn(saved));
        });
    }

    private Mono<MediaAsset> managed(String id, ConsolePrincipal user) {
        return library.get(id).flatMap(asset -> MediaLibrary.mayManage(asset, user) ? Mono.just(asset)
                : Mono.error(new ForbiddenException("只有上传者、审核人员或管理员可以修改该文件的字幕")));
    }

    private static Update withoutLanguage(String lang) {
        return new Update().pull("captions", new org.bson.Document("lang", lang));
    }

    private Mono<Void> rewritePlaylists(MediaAsset asset) {
        AssetOutput out = asset.output();
        if (out == null || out.hlsMaster() == null) {
            return Mono.empty();
        }
        List<Caption> captions = asset.captions() == null ? List.of() : asset.captions();
        String folder = out.hlsMaster().substring(0, out.hlsMaster().lastIndexOf('/') + 1);
        // The master last: it must not list a subtitles playlist before that playlist exists.
        return Flux.fromIterable(HlsMaster.playlists(out.renditions(), captions,
                        out.renditions().get(0).durationSeconds()).entrySet())
                .concatMap(file -> storage.put(folder + file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8),
                        "application/vnd.apple.mpegurl"))
                .then();
    }
}
