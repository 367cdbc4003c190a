package cn.fasheng.media;

import java.time.Duration;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.media.MediaViews.AssetPage;
import cn.fasheng.media.MediaViews.AssetStatus;
import cn.fasheng.media.MediaViews.AssetView;
import cn.fasheng.media.MediaViews.UploadSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "媒体")
@RestController
@RequestMapping("/api/console/media")
public class MediaConsoleController {

    private final MediaLibrary library;
    private final AssetCaptions captions;
    private final Assets assets;
    private final MediaProperties properties;

    MediaConsoleController(MediaLibrary library, AssetCaptions captions, Assets assets, MediaProperties properties) {
        this.library = library;
        this.captions = captions;
        this.assets = assets;
        this.properties = properties;
    }

    @Operation(summary = "媒体库：视频与动画（最新在前）")
    @GetMapping
    public Mono<AssetPage> list(@RequestParam(required = false) AssetKind kind,
            @RequestParam(required = false) java.util.List<AssetState> state,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal ConsolePrincipal user) {
        return library.list(kind, state, mine ? user.userId() : null, page, size, user);
    }

    @Operation(summary = "上传限制：分片大小、单个文件上限、个人配额与已用空间")
    @GetMapping("/settings")
    public Mono<UploadSettings> settings(@AuthenticationPrincipal ConsolePrincipal user) {
        return assets.usedBy(user.userId()).map(used -> new UploadSettings(properties.uploadPartSize().toBytes(),
                properties.maxFileSize().toBytes(), properties.maxImageSize().toBytes(),
                properties.userQuota().toBytes(), used));
    }

    @Operation(summary = "读取一个媒体文件（含转码结果）")
    @GetMapping("/{id}")
    public Mono<AssetView> get(@PathVariable String id) {
        return library.get(id).flatMap(library::view);
    }

    @Operation(summary = "处理进度（服务器推送事件）：状态、百分比、剩余时间、排队位置、失败原因")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "事件 status，数据为 AssetStatus",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AssetStatus.class)))
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<AssetStatus>> events(@PathVariable String id) {
        return Flux.interval(Duration.ZERO, Duration.ofSeconds(1))
                .concatMap(tick -> library.statusOf(id))
                .distinctUntilChanged()
                .takeUntil(status -> status.state().finished())
                .map(status -> ServerSentEvent.builder(status).event("status").build())
                .take(Duration.ofHours(4));
    }

    @Operation(summary = "按当前转码设置从原文件重新转码")
    @PostMapping("/{id}/retranscode")
    public Mono<AssetView> retranscode(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user) {
        return library.retranscode(id, user).flatMap(library::view);
    }

    @Operation(summary = "删除媒体文件及其全部转码结果（仍被内容使用时拒绝）")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user) {
        return library.delete(id, user);
    }

    @Operation(summary = "添加或替换字幕：SRT 或 WebVTT")
    @PostMapping(path = "/{id}/captions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<AssetView> addCaption(@PathVariable String id, @RequestPart("file") FilePart file,
            @RequestPart(name = "lang", required = false) String lang,
            @RequestPart(name = "label", required = false) String label, @AuthenticationPrincipal ConsolePrincipal user) {
        return Bytes.join(file.content(), CaptionFiles.MAX_BYTES + 1)
                .onErrorMap(DataBufferLimitException.class, e -> new UploadRejectedException(HttpStatus.PAYLOAD_TOO_LARGE,
                        "字幕文件不能超过 2 MB"))
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> captions.add(id, lang, label, bytes, file.filename(), user))
                .flatMap(library::view);
    }

    @Operation(summary = "删除一种语言的字幕")
    @DeleteMapping("/{id}/captions/{lang}")
    public Mono<AssetView> removeCaption(@PathVariable String id, @PathVariable String lang,
            @AuthenticationPrincipal ConsolePrincipal user) {
        return captions.remove(id, lang, user).flatMap(library::view);
    }
}
