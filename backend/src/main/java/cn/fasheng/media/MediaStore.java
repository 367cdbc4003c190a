package cn.fasheng.media;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.fasheng.platform.storage.BlobStorage;
import reactor.core.publisher.Mono;

/**
 * Puts uploaded images into the object store under generated names, after checking what they are by their
 * bytes. Served back by {@link MediaController} at {@code <base path>/media/<key>}.
 */
@Service
public class MediaStore {

    private final BlobStorage storage;
    private final MediaProperties properties;
    private final String basePath;

    public MediaStore(BlobStorage storage, MediaProperties properties,
            @Value("${spring.webflux.base-path:}") String basePath) {
        this.storage = storage;
        this.properties = properties;
        this.basePath = basePath == null ? "" : basePath;
    }

    /**
     * Stores an image under a name derived from its SHA-256, so the same picture uploaded twice is stored
     * once. Its dimensions are read from the header and bounded before anything decodes it.
     */
    public Mono<StoredFile> storeImage(byte[] bytes, String name) {
        return Mono.fromCallable(() -> probe(bytes, name)).flatMap(probed -> put(bytes, name, probed, Sha256.hex(bytes)));
    }

    /** Stores an image already probed, under its SHA-256 {@code hash}, unless the same picture is there already. */
    Mono<StoredFile> put(byte[] bytes, String name, Probed probed, String hash) {
        String key = "images/" + hash + "." + probed.type().extension();
        StoredFile stored = new StoredFile(url(key), name, probed.type().contentType(), bytes.length);
        return storage.exists(key).flatMap(exists -> exists ? Mono.just(stored)
                : storage.put(key, bytes, probed.type().contentType()).thenReturn(stored));
    }

    /** What an image upload is, told by its bytes; refuses anything too big or not a picture we show. */
    Probed probe(byte[] bytes, String name) {
        if (bytes.length > properties.maxImageSize().toBytes()) {
            throw new UploadRejectedException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "图片不能超过 " + properties.maxImageSize().toMegabytes() + " MB");
        }
        FileSignature type = FileSignature.of(bytes).filter(FileSignature::image).orElse(null);
        if (type == null) {
            throw new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "“" + name + "”不是 JPEG、PNG、GIF 或 WebP 图片");
        }
        ImageDimensions.Size size = ImageDimensions.of(bytes, type).orElse(null);
        if (size == null || size.width() <= 0 || size.height() <= 0) {
            throw new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "“" + name + "”的图片头已损坏，读不出尺寸");
        }
        if (size.pixels() > properties.maxImagePixels()) {
            throw new UploadRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, "“" + name + "”的尺寸 "
                    + size.width() + "×" + size.height() + " 超出上限（" + properties.maxImagePixels() / 1_000_000 + " 百万像素）");
        }
        return new Probed(type, size);
    }

    record Probed(FileSignature type, ImageDimensions.Size size) {
    }

    public String url(String key) {
        return basePath + "/media/" + key;
    }

}
