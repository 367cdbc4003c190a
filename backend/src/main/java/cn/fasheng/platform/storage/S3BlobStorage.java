package cn.fasheng.platform.storage;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link BlobStorage} on any S3-compatible store: the embedded s3proxy, MinIO or S3 itself. */
public class S3BlobStorage implements BlobStorage {

    private final S3AsyncClient s3;
    private final String bucket;

    public S3BlobStorage(S3AsyncClient s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Mono<Void> put(String key, byte[] content, String contentType) {
        return Mono.fromFuture(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                AsyncRequestBody.fromBytes(content))).then();
    }

    @Override
    public Mono<Void> put(String key, Path file, String contentType) {
        return Mono.fromFuture(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                AsyncRequestBody.fromFile(file))).then();
    }

    @Override
    public Mono<byte[]> get(String key) {
        return Mono.fromFuture(() -> s3.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toBytes()))
                .map(response -> response.asByteArray())
                .onErrorResume(NoSuchKeyException.class, e -> Mono.empty());
    }

    @Override
    public Mono<StoredObject> open(String key) {
        return Mono.fromFuture(() -> s3.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toPublisher()))
                .map(response -> new StoredObject(response.response().contentType(),
                        response.response().contentLength(), response.response().eTag(), Flux.from(response)))
                .onErrorResume(NoSuchKeyException.class, e -> Mono.empty());
    }

    @Override
    public Mono<StoredObject> open(String key, ByteRange range) {
        return Mono.fromFuture(() -> s3.getObject(b -> b.bucket(bucket).key(key).range(range.header()),
                AsyncResponseTransformer.toPublisher()))
                .map(response -> {
                    var meta = response.response();
                    long[] span = contentRange(meta.contentRange(), meta.contentLength());
                    return new StoredObject(meta.contentType(), meta.contentLength(), meta.eTag(), Flux.from(response),
                            span[0], span[1]);
                })
                .onErrorResume(NoSuchKeyException.class, e -> Mono.empty());
    }

    /** "bytes 0-99/1234" → {0, 1234}; a store that ignored the range answers the whole object. */
    static long[] contentRange(String header, long length) {
        if (header == null || !header.startsWith("bytes ")) {
            return new long[] {0, length};
        }
        String[] parts = header.substring(6).split("[-/]");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[2])};
    }

    @Override
    public Mono<Path> download(String key, Path target) {
        return Mono.fromFuture(() -> s3.getObject(b -> b.bucket(bucket).key(key), AsyncResponseTransformer.toFile(target)))
                .thenReturn(target);
    }

    @Override
    public Mono<Boolean> exists(String key) {
        return Mono.fromFuture(() -> s3.headObject(b -> b.bucket(bucket).key(key)))
                .map(response -> true)
                .onErrorResume(NoSuchKeyException.class, e -> Mono.just(false));
    }

    @Override
    public Mono<Void> delete(String key) {
        return Mono.fromFuture(() -> s3.deleteObject(b -> b.bucket(bucket).key(key))).then();
    }

    @Override
    public Mono<Long> deleteAll(String prefix) {
        return list(prefix).flatMap(object -> delete(object.key()).thenReturn(1L), 8).count();
    }

    @Override
    public Flux<StoredKey> list(String prefix) {
        return Flux.from(s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents())
                .map(o -> new StoredKey(o.key(), o.size(), o.lastModified()));
    }

    @Override
    public Mono<String> startMultipart(String key, String contentType) {
        return Mono.fromFuture(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)))
                .map(response -> response.uploadId());
    }

    @Override
    public Mono<String> uploadPart(String key, String uploadId, int partNumber, ByteBuffer content) {
        long length = content.remaining();
        return Mono.fromFuture(() -> s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .partNumber(partNumber).contentLength(length), AsyncRequestBody.fromByteBufferUnsafe(content)))
                .map(response -> response.eTag());
    }

    @Override
    public Mono<Void> completeMultipart(String key, String uploadId, List<StoredPart> parts) {
        List<CompletedPart> completed = parts.stream().sorted(Comparator.comparingInt(StoredPart::number))
                .map(p -> CompletedPart.builder().partNumber(p.number()).eTag(p.etag()).build()).toList();
        return Mono.fromFuture(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed)))).then();
    }

    @Override
    public Mono<Void> abortMultipart(String key, String uploadId) {
        return Mono.fromFuture(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)))
                .then()
                .onErrorResume(NoSuchUploadException.class, e -> Mono.empty());
    }

    @Override
    public Flux<PendingMultipart> pendingMultiparts() {
        return Flux.from(s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads())
                .map(u -> new PendingMultipart(u.key(), u.uploadId(), u.initiated()));
    }

    @Override
    public Mono<Void> check() {
        return Mono.fromFuture(() -> s3.headBucket(b -> b.bucket(bucket))).then();
    }
}
