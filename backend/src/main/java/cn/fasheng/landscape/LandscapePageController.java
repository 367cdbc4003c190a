package cn.fasheng.landscape;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.content.PageMetaFactory;
import cn.fasheng.content.PublishedContent;
import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.platform.web.Attachments;
import cn.fasheng.site.PublicSitePage;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

/**
 * The micro-landscapes on the column: a directory with an offline map, filterable by street and category; a page
 * per site; its poster and QR code; and the short address the QR code holds, which counts the scan and forwards.
 */
@Hidden
@Controller
@PublicSitePage
class LandscapePageController {

    private final SiteRepository sites;
    private final CatalogService catalog;
    private final DistrictMap map;
    private final SiteScans scans;
    private final SitePosters posters;
    private final PublishedContent published;
    private final PageMetaFactory meta;

    LandscapePageController(SiteRepository sites, CatalogService catalog, DistrictMap map, SiteScans scans,
            SitePosters posters, PublishedContent published, PageMetaFactory meta) {
        this.sites = sites;
        this.catalog = catalog;
        this.map = map;
        this.scans = scans;
        this.posters = posters;
        this.published = published;
        this.meta = meta;
    }

    @GetMapping("/landscape")
    Mono<String> directory(@RequestParam(required = false) String street, @RequestParam(required = false) String category,
            ServerWebExchange exchange, Model model) {
        String base = exchange.getRequest().getPath().contextPath().value();
        return Mono.zip(catalog.get(), sites.findByPublishedTrueOrderByStreetAscNameAsc().collectList()).map(all -> {
            LandscapeCatalog lists = all.getT1();
            String s = StringUtils.hasText(street) && lists.streets().contains(street) ? street : null;
            String c = StringUtils.hasText(category) && lists.categories().contains(category) ? category : null;
            List<LandscapeSite> shown = all.getT2().stream()
                    .filter(site -> s == null || site.street().equals(s))
                    .filter(site -> c == null || site.category().equals(c))
                    .sorted(Comparator.comparing((LandscapeSite site) -> lists.streets().indexOf(site.street()))
                            .thenComparing(LandscapeSite::name))
                    .toList();
            model.addAttribute("nav", "landscape");
            model.addAttribute("streets", lists.streets());
            model.addAttribute("categories", lists.categories());
            model.addAttribute("street", s);
            model.addAttribute("category", c);
            model.addAttribute("sites", shown);
            model.addAttribute("total", all.getT2().size());
            model.addAttribute("map", map.draw(shown.stream()
                    .map(site -> new DistrictMap.Place(site.name(), site.location(), base + site.path())).toList(), s));
            String title = s == null && c == null ? "家门口法治微景观"
                    : "家门口法治微景观：" + String.join("、", java.util.stream.Stream.of(s, c).filter(v -> v != null).toList());
            model.addAttribute("meta", meta.plain(title, "杨浦区家门口法治微景观：按街道和类别查找身边的法治公园、宪法角、法治长廊，"
                    + "查看开放时间、无障碍设施和怎么去"));
            return "landscape/index";
        });
    }

    @GetMapping("/landscape/{slug}")
    Mono<Rendering> site(@PathVariable String slug, ServerWebExchange exchange, Model model) {
        return find(slug).flatMap(site -> {
            if (!site.slug().equals(slug)) {
                // Permanent for search engines, but cached only briefly: a site renamed back must not loop in browsers.
                exchange.getResponse().getHeaders().setCacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)));
                return Mono.just(Rendering.redirectTo(site.path()).status(HttpStatus.MOVED_PERMANENTLY).build());
            }
            return published.cards(site.relatedContentIds()).map(cards -> {
                model.addAttribute("nav", "landscape");
                model.addAttribute("spot", site);
                model.addAttribute("related", site.relatedContentIds().stream().map(cards::get).filter(c -> c != null).toList());
                model.addAttribute("map", map.draw(List.of(new DistrictMap.Place(site.name(), site.location(), null)),
                        site.street()));
                model.addAttribute("amap", AmapLink.of(site));
                model.addAttribute("shortUrl", posters.shortUrl(site));
                model.addAttribute("meta", meta.plain(site.name() + " - 家门口法治微景观", site.street() + "·" + site.category()
                        + "：" + site.address() + (site.openingHours() == null ? "" : "，" + site.openingHours())));
                return Rendering.view("landscape/site").build();
            });
        });
    }

    @GetMapping(value = "/landscape/{slug}/poster.pdf")
    @ResponseBody
    Mono<ResponseEntity<byte[]>> poster(@PathVariable String slug) {
        return find(slug).flatMap(site -> posters.poster(site).map(pdf ->
                Attachments.of(SitePosters.posterFileName(site), MediaType.APPLICATION_PDF, pdf)));
    }

    @GetMapping(value = "/landscape/{slug}/qr.svg")
    @ResponseBody
    Mono<ResponseEntity<String>> qr(@PathVariable String slug) {
        return find(slug).map(site -> ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(posters.qrSvg(site)));
    }

    /** The address in the QR code on the board: counted, then forwarded to wherever the site's page now is. */
    @GetMapping("/s/{code}")
    @ResponseBody
    Mono<ResponseEntity<Void>> scan(@PathVariable String code, ServerWebExchange exchange) {
        return sites.findByCode(code).filter(LandscapeSite::published)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("二维码对应的微景观不存在或暂未公开")))
                .flatMap(site -> (exchange.getRequest().getMethod() == HttpMethod.GET
                        ? scans.count(site, exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT)) : Mono.<Void>empty())
                        .thenReturn(ResponseEntity.status(HttpStatus.FOUND)
                                .location(URI.create(exchange.getRequest().getPath().contextPath().value() + site.path()))
                                .cacheControl(CacheControl.noStore()).<Void>build()));
    }

    /** A published site by its address name, current or former. */
    private Mono<LandscapeSite> find(String slug) {
        return sites.findBySlug(slug).switchIfEmpty(Mono.defer(() -> sites.findByFormerSlugs(slug)))
                .filter(LandscapeSite::published)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("微景观不存在或尚未公开")));
    }
}
