package cn.fasheng.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * s3proxy over a directory, on a free loopback port, with credentials made up for this process (only the
 * application's own client knows them). Shared per directory like {@link EmbeddedMongo}.
 */
final class EmbeddedS3 {

    private static final Map<Path, EmbeddedS3> RUNNING = new HashMap<>();

    private final Path root;
    private final S3Proxy proxy;
    private final String accessKey = randomHex(10);
    private final String secretKey = randomHex(20);
    private int users;

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

    static synchronized EmbeddedS3 acquire(Path root) {
        EmbeddedS3 s3 = RUNNING.computeIfAbsent(root.toAbsolutePath().normalize(), EmbeddedS3::new);
        s3.users++;
        return s3;
    }

    void release() {
        synchronized (EmbeddedS3.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(root);
        }
        try {
            proxy.stop();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
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
