package cn.fasheng.platform.storage;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Media and attachments, by key. The only way features touch the object store. */
public interface BlobStorage {

    Mono<Void> put(String key, byte[] content, String contentType);

    Mono<Void> put(String key, Path file, String contentType);

    Mono<byte[]> get(String key);

    /** Streams an object (e.g. to a browser) without holding it in memory; empty when there is none. */
    Mono<StoredObject> open(String key);

    /** Streams the bytes {@code range} covers (resolved against the object's length); empty when there is none. */
    Mono<StoredObject> open(String key, ByteRange range);

    /** Copies an object to a local file, e.g. for FFmpeg, which only reads local files. */
    Mono<Path> download(String key, Path target);

    Mono<Boolean> exists(String key);

    Mono<Void> delete(String key);

    /** Deletes every object whose key starts with the prefix; completes with how many there were. */
    Mono<Long> deleteAll(String prefix);

    /** Every object under a prefix, in key order. */
    Flux<StoredKey> list(String prefix);

    /** Starts a multipart upload and answers its id. */
    Mono<String> startMultipart(String key, String contentType);

    /** Stores one part (numbered from 1) and answers its ETag. */
    Mono<String> uploadPart(String key, String uploadId, int partNumber, ByteBuffer content);

    Mono<Void> completeMultipart(String key, String uploadId, List<StoredPart> parts);

    Mono<Void> abortMultipart(String key, String uploadId);

    /** Multipart uploads that were started and neither completed nor aborted. */
    Flux<PendingMultipart> pendingMultiparts();

    /** Fails when the store or its bucket cannot be reached. */
    Mono<Void> check();

    record StoredPart(int number, String etag) {
    }

    record PendingMultipart(String key, String uploadId, java.time.Instant started) {
    }
}
