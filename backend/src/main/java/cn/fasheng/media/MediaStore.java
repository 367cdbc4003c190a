package cn.fasheng.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.fasheng.platform.storage.BlobStorage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts uploaded images and media files into the object store under generated names, after checking what
 * they are by their bytes. Served back by {@link MediaController} at {@code <base path>/media/<key>}.
 */
@Service
public class MediaStore {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneId.of("Asia/Shanghai"));

    private final BlobStorage storage;
    private final MediaProperties properties;
    private final Clock clock;
    private final String basePath;

    public MediaStore(BlobStorage storage, MediaProperties properties, Clock clock,
            @Value("${spring.webflux.base-path:}") String basePath) {
        this.storage = storage;
        this.properties = properties;
        this.clock = clock;
        this.basePath = basePath == null ? "" : basePath;
    }

    public Mono<StoredFile> storeImage(byte[] bytes, String name) {
        if (bytes.length > properties.maxImageSize().toBytes()) {
            return Mono.error(new UploadRejectedException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "图片不能超过 " + properties.maxImageSize().toMegabytes() + " MB"));
        }
        FileSignature type = FileSignature.of(bytes).filter(FileSignature::image).orElse(null);
        if (type == null) {
            return Mono.error(new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "“" + name + "”不是 JPEG、PNG、GIF 或 WebP 图片"));
        }
        String key = "images/" + MONTH.format(clock.instant()) + "/" + UUID.randomUUID() + "." + type.extension();
        return storage.put(key, bytes, type.contentType())
                .thenReturn(new StoredFile(url(key), name, type.contentType(), bytes.length));
    }

    /** A video or animation original; the media pipeline transcodes it. The local file is the caller's. */
    public Mono<StoredFile> storeMediaFile(Path file, String name) {
        return Mono.fromCallable(() -> head(file)).subscribeOn(Schedulers.boundedElastic()).flatMap(head -> {
            long size = sizeOf(file);
            if (size > properties.maxFileSize().toBytes()) {
                return Mono.error(new UploadRejectedException(HttpStatus.PAYLOAD_TOO_LARGE,
                        "文件不能超过 " + properties.maxFileSize().toMegabytes() + " MB"));
            }
            FileSignature type = FileSignature.of(head).orElse(null);
            if (type == null || type == FileSignature.JPEG || type == FileSignature.PNG || type == FileSignature.WEBP) {
                return Mono.error(new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "“" + name + "”不是 MP4、WebM 视频或 GIF 动画"));
            }
            String key = "media/originals/" + MONTH.format(clock.instant()) + "/" + UUID.randomUUID() + "." + type.extension();
            return storage.put(key, file, type.contentType())
                    .thenReturn(new StoredFile(url(key), name, type.contentType(), size));
        });
    }

    /** The object key behind one of our media URLs, or null when the URL is not ours. */
    public String keyOf(String url) {
        String prefix = basePath + "/media/";
        return url != null && url.startsWith(prefix) ? url.substring(prefix.length()) : null;
    }

    public String url(String key) {
        return basePath + "/media/" + key;
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(32);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
