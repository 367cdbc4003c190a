package cn.fasheng.content;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.media.MediaAssets;
import cn.fasheng.media.Player;
import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.site.SiteProperties;
import cn.fasheng.site.SitemapSource;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds for readers and the district portal, and the sitemap for search engines. Each carries an ETag and
 * Last-Modified, so a poller that already has the current version gets 304 and no body.
 */
@Hidden
@RestController
class FeedController {

    private static final int FEED_SIZE = 30;
    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    private static final MediaType FEED_JSON = MediaType.parseMediaType("application/feed+json;charset=UTF-8");

    private final PublishedContent published;
    private final TopicService topics;
    private final PublicLinks links;
    private final SiteProperties site;
    private final JsonMapper json = JsonMapper.builder().build();
    private final MediaAssets media;
    private final List<SitemapSource> sitemapSources;

    FeedController(PublishedContent published, TopicService topics, PublicLinks links, SiteProperties site,
            MediaAssets media, List<SitemapSource> sitemapSources) {
        this.sitemapSources = sitemapSources;
        this.media = media;
        this.published = published;
        this.topics = topics;
        this.links = links;
        this.site = site;
    }

    @GetMapping("/feed.xml")
    Mono<ResponseEntity<String>> rss(ServerWebExchange exchange) {
        return channel(null, "/feed.xml").flatMap(channel -> respond(exchange, RSS, channel.updated(),
                items -> FeedWriter.rss(channel, items, links, site), null));
    }

    @GetMapping("/atom.xml")
    Mono<ResponseEntity<String>> atom(ServerWebExchange exchange) {
        return channel(null, "/atom.xml").flatMap(channel -> respond(exchange, ATOM, channel.updated(),
                items -> FeedWriter.atom(channel, items, links, site), null));
    }

    @GetMapping("/topics/{slug}/feed.xml")
    Mono<ResponseEntity<String>> topicRss(@PathVariable String slug, ServerWebExchange exchange) {
        return channel(slug, "/topics/" + slug + "/feed.xml").flatMap(channel -> respond(exchange, RSS,
                channel.updated(), items -> FeedWriter.rss(channel, items, links, site), slug));
    }

    @GetMapping("/topics/{slug}/atom.xml")
    Mono<ResponseEntity<String>> topicAtom(@PathVariable String slug, ServerWebExchange exchange) {
        return channel(slug, "/topics/" + slug + "/atom.xml").flatMap(channel -> respond(exchange, ATOM,
                channel.updated(), items -> FeedWriter.atom(channel, items, links, site), slug));
    }

    /** JSON Feed 1.1 of published content, newest first, optionally one topic. */
    @GetMapping("/feed.json")
    Mono<ResponseEntity<String>> jsonFeed(@RequestParam(required = false) String topic, ServerWebExchange exchange) {
        String self = "/feed.json" + (topic == null ? "" : "?topic=" + topic);
        return channel(topic, self).flatMap(channel -> respondAsync(exchange, FEED_JSON, channel.updated(),
                items -> Flux.fromIterable(items).concatMap(c -> media.player(c.getMediaAssetId()))
                        .collectList().map(players -> json.writeValueAsString(jsonFeed(channel, items, players))), topic));
    }

    @GetMapping("/sitemap.xml")
    Mono<ResponseEntity<String>> sitemap(ServerWebExchange exchange) {
        Mono<List<String>> fixed = topics.all().map(t -> links.absolute("/topics/" + t.slug())).collectList()
                .map(topicUrls -> {
                    List<String> urls = new ArrayList<>(List.of(links.absolute("/"),
                            links.absolute("/articles"), links.absolute("/videos"), links.absolute("/animations"),
                            links.absolute("/topics"), links.absolute("/about")));
                    urls.addAll(topicUrls);
                    return urls;
                })
                .flatMap(urls -> Flux.fromIterable(sitemapSources).concatMap(SitemapSource::paths).collectList()
                        .map(extra -> {
                            extra.forEach(paths -> paths.forEach(path -> urls.add(links.absolute(path))));
                            return urls;
                        }));
        return Mono.zip(fixed, published.sitemapEntries(), published.lastChange(null)
                .map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(all -> entity(exchange, XML, all.getT3().orElse(null),
                        FeedWriter.sitemap(all.getT1(), all.getT2(), links)));
    }

    /** Crawlers may read the column but not the console or its API; the sitemap lists every public page. */
    @GetMapping(path = "/robots.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> robots() {
        String body = "User-agent: *\nDisallow: /console/\nDisallow: /api/\nDisallow: /actuator/\n"
                + "Sitemap: " + links.absolute("/sitemap.xml") + "\n";
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(body);
    }

    private Mono<FeedWriter.Channel> channel(String topicSlug, String selfPath) {
        Mono<Optional<Instant>> updated = published.lastChange(topicSlug).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        if (topicSlug == null) {
            return updated.map(at -> new FeedWriter.Channel(site.columnName(), site.tagline(), links.absolute("/"),
                    links.absolute(selfPath), at.orElse(null)));
        }
        return topics.bySlug(topicSlug)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("专题不存在")))
                .flatMap(topic -> updated.map(at -> new FeedWriter.Channel(site.columnName() + " · " + topic.name(),
                        topic.description() != null ? topic.description() : site.tagline(),
                        links.absolute("/topics/" + topic.slug()), links.absolute(selfPath), at.orElse(null))));
    }

    private Mono<ResponseEntity<String>> respond(ServerWebExchange exchange, MediaType type, Instant updated,
            Function<List<Content>, String> render, String topic) {
        return respondAsync(exchange, type, updated, items -> Mono.just(render.apply(items)), topic);
    }

    private Mono<ResponseEntity<String>> respondAsync(ServerWebExchange exchange, MediaType type, Instant updated,
            Function<List<Content>, Mono<String>> render, String topic) {
        return published.newest(topic, FEED_SIZE).collectList()
                .flatMap(render)
                .map(body -> entity(exchange, type, updated, body));
    }

    private static ResponseEntity<String> entity(ServerWebExchange exchange, MediaType type, Instant updated, String body) {
        String etag = "\"" + DigestUtils.md5DigestAsHex(body.getBytes(StandardCharsets.UTF_8)) + "\"";
        Instant lastModified = updated != null ? updated : Instant.EPOCH;
        CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
        if (exchange.checkNotModified(etag, lastModified)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(type).cacheControl(cache).eTag(etag).lastModified(lastModified).body(body);
    }

    private JsonFeed jsonFeed(FeedWriter.Channel channel, List<Content> items, List<Player> players) {
        List<JsonFeed.Item> feedItems = java.util.stream.IntStream.range(0, items.size()).mapToObj(i -> {
            Content c = items.get(i);
            Player player = players.get(i);
            String url = links.absolute(links.path(c));
            return new JsonFeed.Item(url, url, c.getTitle(), FeedWriter.description(c), absoluteImages(c.getBody()),
                    links.absoluteMedia(c.getCoverUrl()), ShanghaiTime.iso(c.getPublishedAt()),
                    ShanghaiTime.iso(c.getUpdatedAt()), c.getTags(),
                    List.of(new JsonFeed.Author(c.getSource() != null ? c.getSource() : site.sponsor())),
                    new JsonFeed.Extension(c.getKind().name(), c.getKind().label(), c.getTopics(), c.getSource(),
                            player.mp4Url() == null ? null : links.absoluteMedia(player.mp4Url())));
        }).toList();
        return new JsonFeed("https://jsonfeed.org/version/1.1", channel.title(), channel.link(), channel.selfLink(),
                "zh-CN", feedItems);
    }

    /** The portal shows bodies on its own domain: image addresses must be absolute there. */
    private String absoluteImages(String body) {
        org.jsoup.nodes.Document document = org.jsoup.Jsoup.parseBodyFragment(body == null ? "" : body);
        document.select("img[src]").forEach(img -> img.attr("src", links.absoluteMedia(img.attr("src"))));
        document.outputSettings().prettyPrint(false);
        return document.body().html();
    }
}
