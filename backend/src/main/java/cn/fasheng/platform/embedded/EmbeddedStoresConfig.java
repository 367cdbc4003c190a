package cn.fasheng.platform.embedded;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;

import cn.fasheng.platform.PlatformProperties;
import cn.fasheng.platform.storage.S3Endpoint;
import cn.fasheng.platform.storage.StorageProperties;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The embedded default: started only when no external store is configured. The application then reaches
 * them over TCP through the same MongoDB driver and S3 client as in production; only who started the
 * servers differs.
 */
@Configuration
public class EmbeddedStoresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoresConfig.class);

    @Configuration
    @ConditionalOnExpression("'${fasheng.mongodb-uri:}'.isBlank()")
    public static class Mongo {

        @Bean(destroyMethod = "release")
        EmbeddedMongo embeddedMongo(PlatformProperties platform) {
            Path file = platform.dataDir().resolve("mongo").resolve("fasheng.mv");
            EmbeddedMongo mongo = EmbeddedMongo.acquire(file);
            log.info("内置 MongoDB 协议服务已启动：{}（数据文件 {}）", mongo.uri("fasheng"), file.toAbsolutePath());
            return mongo;
        }

        @Bean
        MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo mongo) {
            ConnectionString connectionString = new ConnectionString(mongo.uri("fasheng"));
            return () -> connectionString;
        }
    }

    @Configuration
    @ConditionalOnExpression("'${fasheng.s3.endpoint:}'.isBlank()")
    static class S3 {

        @Bean(destroyMethod = "release")
        EmbeddedS3 embeddedS3(PlatformProperties platform) {
            Path root = platform.dataDir().resolve("s3");
            EmbeddedS3 s3 = EmbeddedS3.acquire(root);
            log.info("内置 S3 服务已启动：{}（目录 {}）", s3.endpoint(), root.toAbsolutePath());
            return s3;
        }

        @Bean
        S3Endpoint embeddedS3Endpoint(EmbeddedS3 s3, StorageProperties storage) {
            return new S3Endpoint(s3.endpoint(), storage.region(), storage.bucket(), s3.accessKey(), s3.secretKey(), true);
        }

        /** A fresh data directory has no bucket yet; MinIO and S3 buckets are created by the operator. */
        @Bean
        BucketCreator embeddedBucketCreator(S3AsyncClient client, S3Endpoint endpoint) {
            return new BucketCreator(client, endpoint.bucket());
        }
    }

    record BucketCreator(S3AsyncClient client, String bucket) {

        BucketCreator {
            boolean exists = client.listBuckets().join().buckets().stream().anyMatch(b -> b.name().equals(bucket));
            if (!exists) {
                client.createBucket(b -> b.bucket(bucket)).join();
            }
        }
    }
}
