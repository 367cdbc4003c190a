package cn.fasheng.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Size limits for what editors upload. */
@ConfigurationProperties("fasheng.media")
public record MediaProperties(DataSize maxImageSize, DataSize maxFileSize) {

    public MediaProperties {
        maxImageSize = maxImageSize == null ? DataSize.ofMegabytes(20) : maxImageSize;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(512) : maxFileSize;
    }
}
