package cn.fasheng.landscape;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.account.Role;
import cn.fasheng.content.ContentService;
import cn.fasheng.content.DemoSeeding;
import cn.fasheng.landscape.LandscapeRequests.AccessInput;
import cn.fasheng.landscape.LandscapeRequests.CoordinatesInput;
import cn.fasheng.landscape.LandscapeRequests.Datum;
import cn.fasheng.landscape.LandscapeRequests.PhotoInput;
import cn.fasheng.landscape.LandscapeRequests.SaveSite;
import cn.fasheng.media.ImageVariants;
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

    private static final ConsolePrincipal SEEDER = new ConsolePrincipal("demo", "演示数据", "演示数据", Set.of(Role.REVIEWER));

    private final DemoSeeding seeding;
    private final ContentService column;
    private final SiteRepository sites;
    private final SiteImport siteImport;
    private final SiteService service;
    private final ImageVariants images;

    DemoLandscapeSeeder(DemoSeeding seeding,
            ContentService column, SiteRepository sites, SiteImport siteImport, SiteService service, ImageVariants images) {
        this.seeding = seeding;
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
        seeding.once("demo-landscape", "演示微景观", Mono.zip(sites.count(), column.columnIsEmpty())
                .map(first -> first.getT1() == 0 && first.getT2()), () -> seed().map(count -> count + " 处"));
    }

    private Mono<Integer> seed() {
        byte[] csv = DemoSeeding.read("landscape/sites.csv", InputStream::readAllBytes);
        Map<String, List<String>> photos = DemoSeeding.read("landscape/photos.json", in -> JsonMapper.builder().build()
                .readValue(in, new TypeReference<Map<String, List<String>>>() { }));
        return siteImport.importCsv(csv, true, SEEDER, null)
                .flatMap(outcome -> sites.findAll().filter(site -> photos.containsKey(site.name()))
                        .concatMap(site -> withPhotos(site, photos.get(site.name())))
                        .then(Mono.just(outcome.imported())));
    }

    private Mono<LandscapeSite> withPhotos(LandscapeSite site, List<String> files) {
        return Flux.fromIterable(files)
                .concatMap(file -> images.store(DemoSeeding.read(file, InputStream::readAllBytes), file.substring(file.lastIndexOf('/') + 1)))
                .map(image -> new PhotoInput(image.url(), image.thumbUrl(), image.largeUrl(), null))
                .collectList()
                .flatMap(list -> service.update(site.id(), new SaveSite(site.name(), site.slug(), site.street(), site.category(),
                        site.address(), new CoordinatesInput(site.location().lat(), site.location().lng(), Datum.WGS84),
                        site.descriptionHtml(), list, site.openingHours(), new AccessInput(site.access().stepFree(),
                        site.access().seating(), site.access().accessibleToilet(), site.access().notes()), site.openedOn(), site.status(),
                        site.relatedContentIds(), site.published(), site.version()), SEEDER, null));
    }
}
