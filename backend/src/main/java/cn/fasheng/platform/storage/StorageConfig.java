package cn.fasheng.platform.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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

    @Bean(destroyMethod = "close")
    S3AsyncClient s3AsyncClient(S3Endpoint endpoint) {
        return S3AsyncClient.builder()
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
