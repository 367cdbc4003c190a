package cn.fasheng.media;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.platform.error.ProblemException;
import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.platform.storage.ByteRange;
import cn.fasheng.platform.storage.StoredObject;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Serves stored images and media to the public, honouring single byte ranges (206) so that players seek in
 * Safari and WeChat. Originals are never served. Run outputs and images are never rewritten: cached for a
 * year; playlists and captions can change and are revalidated.
 */
@Hidden
@RestController
class MediaController {

    private static final Pattern KEY = Pattern.compile("^(images/[A-Za-z0-9/_-]+\\.[a-z0-9]{2,5}"
            + "|assets/[a-f0-9]{24}/r\\d+/[A-Za-z0-9/_-]+\\.(mp4|m4s|m3u8|jpg)"
            + "|assets/[a-f0-9]{24}/captions/[A-Za-z0-9-]+\\.vtt)$");

    private final BlobStorage storage;

    MediaController(BlobStorage storage) {
        this.storage = storage;
    }

    @GetMapping("/media/{*key}")
    Mono<ResponseEntity<Flux<DataBuffer>>> get(@PathVariable String key,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String rangeHeader) {
        String clean = key.startsWith("/") ? key.substring(1) : key;
        if (!KEY.matcher(clean).matches()) {
            return Mono.error(new NotFoundException("文件不存在"));
        }
        Mono<StoredObject> object = ByteRange.parse(rangeHeader).map(range -> storage.open(clean, range)
                .onErrorMap(S3Exception.class, e -> e.statusCode() == 416
                        ? new ProblemException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "范围无效", "请求的字节范围超出文件长度")
                        : e))
                .orElseGet(() -> storage.open(clean));
        return object.switchIfEmpty(Mono.error(() -> new NotFoundException("文件不存在")))
                .map(found -> respond(clean, found, rangeHeader != null && ByteRange.parse(rangeHeader).isPresent()));
    }

    private static ResponseEntity<Flux<DataBuffer>> respond(String key, StoredObject object, boolean ranged) {
        boolean partial = ranged;
        ResponseEntity.BodyBuilder builder = partial ? ResponseEntity.status(HttpStatus.PARTIAL_CONTENT)
                .header(HttpHeaders.CONTENT_RANGE, "bytes " + object.first() + "-"
                        + (object.first() + object.length() - 1) + "/" + object.total())
                : ResponseEntity.ok();
        boolean changes = key.endsWith(".m3u8") || key.endsWith(".vtt");
        return builder
                .contentType(object.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                        : MediaType.parseMediaType(object.contentType()))
                .contentLength(object.length())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .cacheControl(changes ? CacheControl.noCache().cachePublic()
                        : CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .headers(h -> {
                    if (object.etag() != null) {
                        h.setETag(object.etag().startsWith("\"") ? object.etag() : "\"" + object.etag() + "\"");
                    }
                })
                .body(object.content().map(DefaultDataBufferFactory.sharedInstance::wrap));
    }
}
