package cn.fasheng.platform.storage;

import java.net.URI;

/** Where and how to reach the object store, whoever started it. */
public record S3Endpoint(URI uri, String region, String bucket, String accessKey, String secretKey, boolean pathStyle) {

    @Override
    public String toString() {
        return "S3Endpoint[" + uri + ", bucket=" + bucket + "]";
    }
}
