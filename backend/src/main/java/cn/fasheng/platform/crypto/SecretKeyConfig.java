package cn.fasheng.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.fasheng.platform.PlatformProperties;

/**
 * The key that seals stored secrets comes from FASHENG_SECRET_KEY (32 bytes, Base64). On the one-machine
 * default without it, a key is generated once into the data directory (readable by its owner only), so the
 * embedded setup works out of the box; several instances must share one configured key.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfig {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyConfig.class);

    @Bean
    SecretBox secretBox(@Value("${fasheng.secret-key:}") String configured, PlatformProperties platform) throws IOException {
        byte[] key = configured.isBlank() ? keyFile(platform.dataDir().resolve("secret.key")) : decode(configured.strip());
        return new SecretBox(new SecretKeySpec(key, "AES"));
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("FASHENG_SECRET_KEY 不是有效的 Base64 文本");
        }
        if (key.length != 32) {
            throw new IllegalStateException("FASHENG_SECRET_KEY 须为 32 字节（Base64 编码后 44 个字符），例如 openssl rand -base64 32 的输出");
        }
        return key;
    }

    private static byte[] keyFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "secret", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply.
        }
        Files.writeString(temp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        log.warn("未配置 FASHENG_SECRET_KEY：已在 {} 生成渠道密钥的加密密钥。多实例部署须为所有实例配置同一个 FASHENG_SECRET_KEY。",
                file.toAbsolutePath());
        return key;
    }
}
