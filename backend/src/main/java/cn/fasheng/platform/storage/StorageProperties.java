package cn.fasheng.platform.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The S3-compatible object store (MinIO, S3, ...). With a blank endpoint the embedded S3 server is started
 * under the data directory, and the other settings except the bucket are ignored.
 */
@ConfigurationProperties("fasheng.s3")
public record StorageProperties(String endpoint, String region, String bucket, String accessKey, String secretKey,
        boolean pathStyle) {

    public StorageProperties {
        region = region == null || region.isBlank() ? "us-east-1" : region;
        bucket = bucket == null || bucket.isBlank() ? "fasheng" : bucket;
    }
}
