package cn.fasheng.platform.storage;

import java.nio.file.Path;

import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

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
    public Mono<Void> check() {
        return Mono.fromFuture(() -> s3.headBucket(b -> b.bucket(bucket))).then();
    }
}
