package cn.fasheng.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * s3proxy over a directory, on a free loopback port, with credentials made up for this process (only the
 * application's own client knows them). Shared per directory like {@link EmbeddedMongo}.
 */
final class EmbeddedS3 {

    private static final SharedInstances<EmbeddedS3> SHARED = new SharedInstances<>();

    private final Path root;
    private final S3Proxy proxy;
    private final String accessKey = randomHex(10);
    private final String secretKey = randomHex(20);

    private EmbeddedS3(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(root.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                // The AWS SDK's multipart uploads send headers s3proxy does not know.
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("内置 S3 服务未能启动：" + proxy.getState());
                }
                Thread.sleep(10);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("启动内置 S3 服务时被中断", e);
        }
        catch (RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException("内置 S3 服务未能启动", e);
        }
    }

    static EmbeddedS3 acquire(Path root) {
        return SHARED.acquire(root, EmbeddedS3::new);
    }

    void release() {
        SHARED.release(root, EmbeddedS3::stop);
    }

    private void stop() {
        try {
            proxy.stop();
        }
        catch (Exception e) {
            throw new IllegalStateException("内置 S3 服务未能停止", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    String accessKey() {
        return accessKey;
    }

    String secretKey() {
        return secretKey;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
