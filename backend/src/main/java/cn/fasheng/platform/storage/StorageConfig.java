package cn.fasheng.platform.storage;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

@Configuration
class StorageConfig {

    /** The external store from configuration; the embedded server provides its own endpoint instead. */
    @Bean
    @ConditionalOnExpression("!'${fasheng.s3.endpoint:}'.isBlank()")
    S3Endpoint externalS3Endpoint(StorageProperties properties) {
        return new S3Endpoint(java.net.URI.create(properties.endpoint()), properties.region(), properties.bucket(),
                properties.accessKey(), properties.secretKey(), properties.pathStyle());
    }

    /**
     * The S3 client's own event loops take the SDK's full graceful period (several seconds) to close on
     * every shutdown; these are ours to close promptly once the client is gone.
     */
    @Bean
    S3EventLoops s3EventLoops() {
        return new S3EventLoops(SdkEventLoopGroup.builder().numberOfThreads(2).build());
    }

    record S3EventLoops(SdkEventLoopGroup group) implements AutoCloseable {

        @Override
        public void close() {
            group.eventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Bean(destroyMethod = "close")
    S3AsyncClient s3AsyncClient(S3Endpoint endpoint, S3EventLoops s3EventLoops) {
        return S3AsyncClient.builder()
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()
                        .eventLoopGroup(s3EventLoops.group()))
                .endpointOverride(endpoint.uri())
                .region(Region.of(endpoint.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(endpoint.accessKey(), endpoint.secretKey())))
                .forcePathStyle(endpoint.pathStyle())
                .build();
    }

    @Bean
    BlobStorage blobStorage(S3AsyncClient s3, S3Endpoint endpoint) {
        return new S3BlobStorage(s3, endpoint.bucket());
    }
}
