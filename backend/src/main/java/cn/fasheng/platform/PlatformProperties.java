package cn.fasheng.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded default keeps its files, and how the site is reached from outside.
 *
 * @param dataDir       root of ./data (embedded MongoDB file and S3 objects)
 * @param publicBaseUrl absolute address of the column as the public sees it, including any base path
 * @param mongodbUri    external MongoDB; when blank the embedded server is started
 */
@ConfigurationProperties("fasheng")
public record PlatformProperties(Path dataDir, String publicBaseUrl, String mongodbUri) {

    public PlatformProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl;
    }
}
