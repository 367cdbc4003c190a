package cn.fasheng.platform.storage;

import java.nio.file.Path;

import reactor.core.publisher.Mono;

/** Media and attachments, by key. The only way features touch the object store. */
public interface BlobStorage {

    Mono<Void> put(String key, byte[] content, String contentType);

    Mono<Void> put(String key, Path file, String contentType);

    Mono<byte[]> get(String key);

    /** Streams an object (e.g. to a browser) without holding it in memory; empty when there is none. */
    Mono<StoredObject> open(String key);

    /** Copies an object to a local file, e.g. for FFmpeg, which only reads local files. */
    Mono<Path> download(String key, Path target);

    Mono<Boolean> exists(String key);

    Mono<Void> delete(String key);

    /** Fails when the store or its bucket cannot be reached. */
    Mono<Void> check();
}
