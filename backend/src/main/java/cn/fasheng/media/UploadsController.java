package cn.fasheng.media;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@Tag(name = "上传")
@RestController
@RequestMapping("/api/console/uploads")
public class UploadsController {

    private final MediaStore store;
    private final MediaProperties properties;

    UploadsController(MediaStore store, MediaProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Operation(summary = "上传图片（封面或正文插图）：JPEG、PNG、GIF、WebP")
    @PostMapping(path = "/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<StoredFile> image(@RequestPart("file") FilePart file) {
        return Bytes.join(file.content(), properties.maxImageSize().toBytes() + 1)
                .onErrorMap(DataBufferLimitException.class, e -> new UploadRejectedException(HttpStatus.PAYLOAD_TOO_LARGE,
                        "图片不能超过 " + properties.maxImageSize().toMegabytes() + " MB"))
                .flatMap(bytes -> store.storeImage(bytes, file.filename()));
    }

    @Operation(summary = "上传视频或动画原文件：MP4、WebM、GIF")
    @PostMapping(path = "/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<StoredFile> media(@RequestPart("file") FilePart file) {
        return Mono.fromCallable(() -> Files.createTempFile("fasheng-upload-", ".part"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(temp -> file.transferTo(temp)
                        .then(store.storeMediaFile(temp, file.filename()))
                        .doFinally(signal -> deleteQuietly(temp)));
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        }
        catch (java.io.IOException e) {
            temp.toFile().deleteOnExit();
        }
    }
}
