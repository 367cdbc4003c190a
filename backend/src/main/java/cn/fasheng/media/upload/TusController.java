package cn.fasheng.media.upload;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.media.AssetKind;
import cn.fasheng.media.AssetState;
import cn.fasheng.media.MediaAsset;
import cn.fasheng.media.MediaLibrary;
import cn.fasheng.media.MediaProperties;
import cn.fasheng.media.UploadRejectedException;
import cn.fasheng.platform.error.ForbiddenException;
import cn.fasheng.platform.error.InvalidRequestException;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tus 1.0.0 resumable upload protocol (core, creation and termination) for videos and animations, as
 * spoken by tus-js-client. Metadata: {@code filename} and {@code kind} (VIDEO or ANIMATION).
 */
@Hidden
@RestController
@RequestMapping("/api/console/media/uploads")
class TusController {

    static final String VERSION = "1.0.0";

    private final ResumableUploads uploads;
    private final MediaLibrary library;
    private final MediaProperties properties;
    private final String basePath;

    TusController(ResumableUploads uploads, MediaLibrary library, MediaProperties properties,
            @Value("${spring.webflux.base-path:}") String basePath) {
        this.uploads = uploads;
        this.library = library;
        this.properties = properties;
        this.basePath = basePath == null ? "" : basePath;
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent().headers(tus()).header("Tus-Version", VERSION)
                .header("Tus-Extension", "creation,termination")
                .header("Tus-Max-Size", Long.toString(properties.maxFileSize().toBytes())).build();
    }

    @PostMapping
    Mono<ResponseEntity<Void>> create(@RequestHeader("Upload-Length") long length,
            @RequestHeader(name = "Upload-Metadata", required = false) String metadata,
            @RequestHeader(name = "Tus-Resumable", required = false) String version,
            @AuthenticationPrincipal ConsolePrincipal user) {
        checkVersion(version);
        Map<String, String> meta = metadata(metadata);
        String name = meta.getOrDefault("filename", "未命名文件");
        AssetKind kind = kind(meta.get("kind"));
        return uploads.create(user, name, length, kind).map(asset -> ResponseEntity.status(HttpStatus.CREATED)
                .headers(tus())
                .header(HttpHeaders.LOCATION, basePath + "/api/console/media/uploads/" + asset.id())
                .header("Fasheng-Asset-Id", asset.id()).build());
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    Mono<ResponseEntity<Void>> head(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user) {
        return mine(id, user).flatMap(asset -> asset.state() == AssetState.UPLOADING
                        && asset.upload().offset() == asset.size() ? uploads.finish(asset) : Mono.just(asset))
                .map(asset -> ResponseEntity.ok().headers(tus()).headers(offsets(asset)).build());
    }

    @PatchMapping(path = "/{id}", consumes = "application/offset+octet-stream")
    Mono<ResponseEntity<Void>> patch(@PathVariable String id, @RequestHeader("Upload-Offset") long offset,
            @RequestHeader(name = "Tus-Resumable", required = false) String version,
            @AuthenticationPrincipal ConsolePrincipal user, org.springframework.http.server.reactive.ServerHttpRequest request) {
        checkVersion(version);
        Flux<DataBuffer> body = request.getBody();
        return mine(id, user).flatMap(asset -> uploads.append(asset, offset, body))
                .map(asset -> ResponseEntity.noContent().headers(tus()).headers(offsets(asset)).build());
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> terminate(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user) {
        return mine(id, user).flatMap(asset -> asset.state() == AssetState.UPLOADING ? uploads.abandon(asset)
                        : Mono.error(new InvalidRequestException("id", "文件已上传完毕，请在媒体库中删除")))
                .thenReturn(ResponseEntity.noContent().headers(tus()).build());
    }

    private Mono<MediaAsset> mine(String id, ConsolePrincipal user) {
        return library.get(id).flatMap(asset -> MediaLibrary.ownsOrAdministers(asset, user)
                ? Mono.just(asset) : Mono.error(new ForbiddenException("这是其他用户的上传")));
    }

    /** tus answers 412 to a protocol version it does not speak. */
    private static void checkVersion(String version) {
        if (version != null && !VERSION.equals(version.strip())) {
            throw new cn.fasheng.platform.error.ProblemException(HttpStatus.PRECONDITION_FAILED, "协议版本不受支持",
                    "仅支持 tus " + VERSION);
        }
    }

    private static HttpHeaders offsets(MediaAsset asset) {
        HttpHeaders headers = new HttpHeaders();
        long offset = asset.state() == AssetState.UPLOADING ? asset.upload().offset() : asset.size();
        headers.set("Upload-Offset", Long.toString(offset));
        headers.set("Upload-Length", Long.toString(asset.size()));
        headers.set("Fasheng-Asset-Id", asset.id());
        headers.setCacheControl("no-store");
        return headers;
    }

    private static HttpHeaders tus() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Tus-Resumable", VERSION);
        return headers;
    }

    private static AssetKind kind(String value) {
        if (value == null || value.isBlank()) {
            return AssetKind.VIDEO;
        }
        try {
            return AssetKind.valueOf(value);
        }
        catch (IllegalArgumentException e) {
            throw new UploadRejectedException(HttpStatus.BAD_REQUEST, "未知的文件类型：" + value);
        }
    }

    /** "key base64,key base64" as tus defines it. */
    static Map<String, String> metadata(String header) {
        Map<String, String> values = new HashMap<>();
        if (header == null) {
            return values;
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.trim().split(" ", 2);
            if (!kv[0].isEmpty()) {
                try {
                    values.put(kv[0], kv.length < 2 ? "" : new String(Base64.getDecoder().decode(kv[1].trim()),
                            StandardCharsets.UTF_8));
                }
                catch (IllegalArgumentException e) {
                    throw new UploadRejectedException(HttpStatus.BAD_REQUEST, "上传信息（Upload-Metadata）格式不正确");
                }
            }
        }
        return values;
    }
}
