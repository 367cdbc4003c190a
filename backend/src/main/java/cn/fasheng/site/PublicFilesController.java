package cn.fasheng.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.fasheng.platform.PlatformProperties;
import cn.fasheng.platform.error.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Files an operator puts in {@code <data dir>/public/} are served at the site root: search engines'
 * ownership-verification pages (e.g. baidu_verify_xxxx.html) and similar one-off files. Plain names only.
 */
@Hidden
@RestController
class PublicFilesController {

    private final Path directory;

    PublicFilesController(PlatformProperties platform) {
        this.directory = platform.dataDir().resolve("public").toAbsolutePath().normalize();
    }

    @GetMapping("/{name:[A-Za-z0-9][A-Za-z0-9_-]{0,99}\\.(?:html|txt)}")
    Mono<ResponseEntity<Resource>> file(@PathVariable String name) {
        Path file = directory.resolve(name).normalize();
        return Mono.fromCallable(() -> file.startsWith(directory) && Files.isRegularFile(file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(exists -> exists
                        ? Mono.just(ResponseEntity.ok()
                                .contentType(MediaTypeFactory.getMediaType(name).orElse(MediaType.TEXT_PLAIN))
                                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
                                .body((Resource) new FileSystemResource(file)))
                        : Mono.error(new NotFoundException("页面不存在")));
    }
}
