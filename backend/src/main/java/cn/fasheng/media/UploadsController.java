package cn.fasheng.media;


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
}
