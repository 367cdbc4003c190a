package cn.fasheng.platform.health;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.platform.storage.S3Endpoint;
import reactor.core.publisher.Mono;

/** Up when the bucket answers. */
@Component("s3HealthIndicator")
class S3HealthIndicator extends AbstractReactiveHealthIndicator {

    private final BlobStorage storage;
    private final S3Endpoint endpoint;

    S3HealthIndicator(BlobStorage storage, S3Endpoint endpoint) {
        super("对象存储不可用");
        this.storage = storage;
        this.endpoint = endpoint;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return storage.check().then(Mono.fromSupplier(() -> builder.up().withDetail("bucket", endpoint.bucket()).build()));
    }
}
