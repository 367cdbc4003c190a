package cn.fasheng.content;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import cn.fasheng.platform.PlatformProperties;
import reactor.core.publisher.Mono;

/**
 * The rule every demo seeder follows (media-samples/demo, packaged under {@code demo/}): only on the embedded
 * default with seeding on, only when its store is empty, and only once: a marker document claimed with a unique
 * id keeps a second instance or start from seeding again. A failed seeding is logged, never fatal.
 */
@Component
public class DemoSeeding {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

    @Document("seed_markers")
    record SeedMarker(@Id String id) {
    }

    /** Reads one demo file. */
    public interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private final ContentProperties properties;
    private final PlatformProperties platform;
    private final ReactiveMongoTemplate mongo;

    DemoSeeding(ContentProperties properties, PlatformProperties platform, ReactiveMongoTemplate mongo) {
        this.properties = properties;
        this.platform = platform;
        this.mongo = mongo;
    }

    /**
     * Runs {@code seed} (answering what it loaded, for the log) when {@code empty} says so and {@code marker} is
     * still unclaimed; blocks until done, so that seeders ordered one after another see each other's work.
     */
    public void once(String marker, String what, Mono<Boolean> empty, Supplier<Mono<String>> seed) {
        boolean embedded = platform.mongodbUri() == null || platform.mongodbUri().isBlank();
        if (!properties.seedDemo() || !embedded) {
            return;
        }
        empty.filter(Boolean::booleanValue)
                .flatMap(yes -> mongo.insert(new SeedMarker(marker)).thenReturn(true)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false)))
                .filter(Boolean::booleanValue)
                .flatMap(claimed -> seed.get())
                .doOnNext(loaded -> log.info("已载入{}：{}", what, loaded))
                .onErrorResume(e -> {
                    log.error("载入{}失败", what, e);
                    return Mono.empty();
                })
                .block();
    }

    /** A demo file by its path under {@code demo/}. */
    public static <T> T read(String path, Reader<T> reader) {
        try (InputStream in = new ClassPathResource("demo/" + path).getInputStream()) {
            return reader.read(in);
        }
        catch (IOException e) {
            throw new IllegalStateException("演示文件缺失：" + path, e);
        }
    }
}
