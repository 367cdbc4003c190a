package cn.fasheng.landscape;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.account.Role;
import cn.fasheng.content.ContentProperties;
import cn.fasheng.content.ContentService;
import cn.fasheng.landscape.LandscapeRequests.AccessInput;
import cn.fasheng.landscape.LandscapeRequests.CoordinatesInput;
import cn.fasheng.landscape.LandscapeRequests.Datum;
import cn.fasheng.landscape.LandscapeRequests.PhotoInput;
import cn.fasheng.landscape.LandscapeRequests.SaveSite;
import cn.fasheng.media.ImageVariants;
import cn.fasheng.platform.PlatformProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds fictional demonstration sites (media-samples/demo/landscape) on the first start of the embedded default,
 * through the same import file and photo pipeline editors use. Like the demo contest, only on an empty column.
 */
@Component
class DemoLandscapeSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoLandscapeSeeder.class);
    private static final ConsolePrincipal SEEDER = new ConsolePrincipal("demo", "演示数据", "演示数据", Set.of(Role.REVIEWER));

    @Document("seed_markers")
    record SeedMarker(@Id String id) {
    }

    private final ContentProperties content;
    private final PlatformProperties platform;
    private final ReactiveMongoTemplate mongo;
    private final ContentService column;
    private final SiteRepository sites;
    private final SiteImport siteImport;
    private final SiteService service;
    private final ImageVariants images;

    DemoLandscapeSeeder(ContentProperties content, PlatformProperties platform, ReactiveMongoTemplate mongo,
            ContentService column, SiteRepository sites, SiteImport siteImport, SiteService service, ImageVariants images) {
        this.content = content;
        this.platform = platform;
        this.mongo = mongo;
        this.column = column;
        this.sites = sites;
        this.siteImport = siteImport;
        this.service = service;
        this.images = images;
    }

    /** Before the demo column is seeded (hence the order), so that an existing site never gets demo sites. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    void seedOnFirstStart() {
        boolean embedded = platform.mongodbUri() == null || platform.mongodbUri().isBlank();
        if (!content.seedDemo() || !embedded) {
            return;
        }
        Mono.zip(sites.count(), column.columnIsEmpty())
                .filter(first -> first.getT1() == 0 && first.getT2())
                .flatMap(empty -> mongo.insert(new SeedMarker("demo-landscape")).thenReturn(true)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false)))
                .filter(Boolean::booleanValue)
                .flatMap(claimed -> seed())
                .doOnNext(count -> log.info("已载入演示微景观 {} 处", count))
                .onErrorResume(e -> {
                    log.error("载入演示微景观失败", e);
                    return Mono.empty();
                })
                .block();
    }

    private Mono<Integer> seed() {
        byte[] csv = read("sites.csv", InputStream::readAllBytes);
        Map<String, List<String>> photos = read("photos.json", in -> JsonMapper.builder().build()
                .readValue(in, new TypeReference<Map<String, List<String>>>() { }));
        return siteImport.importCsv(csv, true, SEEDER, null)
                .flatMap(outcome -> sites.findAll().filter(site -> photos.containsKey(site.name()))
                        .concatMap(site -> withPhotos(site, photos.get(site.name())))
                        .then(Mono.just(outcome.imported())));
    }

    private Mono<LandscapeSite> withPhotos(LandscapeSite site, List<String> files) {
        return Flux.fromIterable(files)
                .concatMap(file -> images.store(readDemo(file), file.substring(file.lastIndexOf('/') + 1)))
                .map(image -> new PhotoInput(image.url(), image.thumbUrl(), image.largeUrl(), null))
                .collectList()
                .flatMap(list -> service.update(site.id(), new SaveSite(site.name(), site.slug(), site.street(), site.category(),
                        site.address(), new CoordinatesInput(site.location().lat(), site.location().lng(), Datum.WGS84),
                        site.descriptionHtml(), list, site.openingHours(), new AccessInput(site.access().stepFree(),
                        site.access().seating(), site.access().accessibleToilet(), site.access().notes()), site.openedOn(), site.status(),
                        site.relatedContentIds(), site.published(), site.version()), SEEDER, null));
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private static <T> T read(String name, Reader<T> reader) {
        try (InputStream in = new ClassPathResource("demo/landscape/" + name).getInputStream()) {
            return reader.read(in);
        }
        catch (IOException e) {
            throw new IllegalStateException("演示微景观文件缺失：" + name, e);
        }
    }

    private static byte[] readDemo(String path) {
        try (InputStream in = new ClassPathResource("demo/" + path).getInputStream()) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new IllegalStateException("演示图片缺失：" + path, e);
        }
    }
}
