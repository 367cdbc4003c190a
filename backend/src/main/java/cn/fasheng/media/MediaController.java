package cn.fasheng.media;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.platform.storage.BlobStorage;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Serves stored images and media to the public. Keys are generated and never reused: cached for a year. */
@Hidden
@RestController
class MediaController {

    private static final Pattern KEY = Pattern.compile("^(images|media)/[A-Za-z0-9/_-]+\\.[a-z0-9]{2,5}$");

    private final BlobStorage storage;

    MediaController(BlobStorage storage) {
        this.storage = storage;
    }

    @GetMapping("/media/{*key}")
    Mono<ResponseEntity<Flux<DataBuffer>>> get(@PathVariable String key) {
        String clean = key.startsWith("/") ? key.substring(1) : key;
        if (!KEY.matcher(clean).matches()) {
            return Mono.error(new NotFoundException("文件不存在"));
        }
        return storage.open(clean)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("文件不存在")))
                .map(object -> ResponseEntity.ok()
                        .contentType(object.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                                : MediaType.parseMediaType(object.contentType()))
                        .contentLength(object.length())
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(object.content().map(DefaultDataBufferFactory.sharedInstance::wrap)));
    }
}
