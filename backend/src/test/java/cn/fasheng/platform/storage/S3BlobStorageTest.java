package cn.fasheng.platform.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import cn.fasheng.support.FashengAppTest;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Storage against the embedded S3 server over HTTP, through the same AWS SDK client as production. */
@FashengAppTest
class S3BlobStorageTest {

    @Autowired
    BlobStorage storage;

    @Test
    void storesReadsAndDeletesObjects() {
        byte[] content = "法治微视频".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StepVerifier.create(storage.put("tests/hello.txt", content, "text/plain;charset=utf-8")
                .then(storage.get("tests/hello.txt")))
                .assertNext(read -> assertThat(read).isEqualTo(content))
                .verifyComplete();
        StepVerifier.create(storage.delete("tests/hello.txt").then(storage.exists("tests/hello.txt")))
                .expectNext(false)
                .verifyComplete();
        StepVerifier.create(storage.get("tests/never-written")).verifyComplete();
    }

    @Test
    void largeFilesRoundTripThroughLocalFiles(@TempDir Path dir) throws Exception {
        byte[] video = new byte[9 * 1024 * 1024];
        new Random(7).nextBytes(video);
        Path source = Files.write(dir.resolve("source.bin"), video);
        Path copy = dir.resolve("copy.bin");
        StepVerifier.create(storage.put("tests/large.bin", source, "application/octet-stream")
                .then(storage.download("tests/large.bin", copy)))
                .expectNext(copy)
                .verifyComplete();
        assertThat(Files.mismatch(source, copy)).isEqualTo(-1L);
    }
}
