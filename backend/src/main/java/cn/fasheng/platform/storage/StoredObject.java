package cn.fasheng.platform.storage;

import java.nio.ByteBuffer;

import reactor.core.publisher.Flux;

/**
 * An object being read from the store: its metadata and its bytes as they arrive. For a ranged read
 * {@code length} is what this read carries, {@code first} its offset and {@code total} the object's size.
 */
public record StoredObject(String contentType, long length, String etag, Flux<ByteBuffer> content, long first,
        long total) {

    public StoredObject(String contentType, long length, String etag, Flux<ByteBuffer> content) {
        this(contentType, length, etag, content, 0, length);
    }
}
