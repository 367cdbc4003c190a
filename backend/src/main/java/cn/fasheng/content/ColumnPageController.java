package cn.fasheng.content;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.media.MediaAssets;
import cn.fasheng.media.Player;
import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.platform.web.FrontendAssets;
import cn.fasheng.site.ElderPreference;
import cn.fasheng.site.PublicSitePage;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

/** The column as the public reads it: complete server-rendered pages, scripts only enhance them. */
@Hidden
@Controller
@PublicSitePage
class ColumnPageController {

    private static final int PAGE = 10;

    private final PublishedContent published;
    private final TopicService topics;
    private final PageMetaFactory meta;
    private final FrontendAssets assets;
    private final PublicContentCache publicCache;
    private final MediaAssets media;

    ColumnPageController(PublishedContent published, TopicService topics, PageMetaFactory meta, FrontendAssets assets,
            PublicContentCache publicCache, MediaAssets media) {
        this.media = media;
        this.assets = assets;
        this.publicCache = publicCache;
        this.published = published;
        this.topics = topics;
        this.meta = meta;
    }

    // "" is the bare base path, e.g. /fsay without the trailing slash.
    @GetMapping({"/", ""})
    Mono<String> home(Model model) {
        return topics.forPublic()
                .flatMap(all -> published.home(all.stream().map(Topic::slug).toList()).map(home -> {
                    Map<Topic, List<PublishedContent.Card>> blocks = new LinkedHashMap<>();
                    for (Topic topic : all) {
                        List<PublishedContent.Card> cards = home.byTopic().getOrDefault(topic.slug(), List.of());
                        if (!cards.isEmpty()) {
                            blocks.put(topic, cards);
                        }
                    }
                    model.addAttribute("nav", "home");
                    model.addAttribute("featured", home.featured());
                    model.addAttribute("articles", home.byKind().getOrDefault(ContentKind.ARTICLE, List.of()));
                    model.addAttribute("videos", home.byKind().getOrDefault(ContentKind.VIDEO, List.of()));
                    model.addAttribute("animations", home.byKind().getOrDefault(ContentKind.ANIMATION, List.of()));
                    model.addAttribute("topicBlocks", blocks);
                    model.addAttribute("topicNames", names(all));
                    model.addAttribute("meta", meta.plain("首页", null));
                    return "site/home";
                }));
    }

    @GetMapping("/{kind:articles|videos|animations}")
    Mono<String> kindList(@PathVariable String kind, @RequestParam(required = false) String before, Model model) {
        ContentKind contentKind = ContentKind.byPath(kind).orElseThrow();
        return Mono.zip(published.latest(contentKind, null, before, PAGE), topicNames()).map(all -> {
            model.addAttribute("nav", kind);
            model.addAttribute("heading", contentKind.label());
            model.addAttribute("slice", all.getT1());
            model.addAttribute("topicNames", all.getT2());
            model.addAttribute("meta", meta.plain(contentKind.label(), null));
            return "column/list";
        });
    }

    @GetMapping("/topics")
    Mono<String> topicIndex(Model model) {
        return topics.forPublic().map(all -> {
            model.addAttribute("nav", "topics");
            model.addAttribute("topics", all);
            model.addAttribute("meta", meta.plain("专题", null));
            return "column/topics";
        });
    }

    @GetMapping("/topics/{slug}")
    Mono<String> topic(@PathVariable String slug, @RequestParam(required = false) String before, Model model) {
        return topics.forPublic().flatMap(all -> Mono.justOrEmpty(all.stream().filter(t -> t.slug().equals(slug)).findFirst()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("专题不存在")))
                .flatMap(topic -> Mono.zip(published.latest(null, slug, before, PAGE), topicNames()).map(all -> {
                    model.addAttribute("nav", "topics");
                    model.addAttribute("heading", topic.name());
                    model.addAttribute("topic", topic);
                    model.addAttribute("slice", all.getT1());
                    model.addAttribute("topicNames", all.getT2());
                    model.addAttribute("meta", meta.plain(topic.name(), topic.description()));
                    return "column/list";
                }));
    }

    @GetMapping("/{kind:articles|videos|animations}/{slug}")
    Mono<String> page(@PathVariable String kind, @PathVariable String slug, Model model, ServerWebExchange exchange) {
        ContentKind contentKind = ContentKind.byPath(kind).orElseThrow();
        return published.page(contentKind, slug)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("内容不存在或已下线")))
                .flatMap(content -> media.player(content.getMediaAssetId()).flatMap(player ->
                        notModified(content, player, exchange) ? Mono.<String>error(new NotModified())
                        : Mono.zip(published.views(content), topicNames()).map(all -> {
                    model.addAttribute("nav", kind);
                    model.addAttribute("content", content);
                    model.addAttribute("player", player);
                    model.addAttribute("preview", false);
                    model.addAttribute("views", all.getT1());
                    model.addAttribute("topicNames", all.getT2());
                    model.addAttribute("meta", meta.of(content, all.getT2()));
                    return "column/content";
                })));
    }

    @GetMapping("/search")
    Mono<String> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String topic, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String before, Model model) {
        ContentKind contentKind = kind == null ? null : ContentKind.byPath(kind).orElse(null);
        LocalDate fromDay = day(from);
        LocalDate toDay = day(to);
        PublishedContent.Search search = published.searchOf(q.strip(), contentKind,
                topic == null || topic.isBlank() ? null : topic,
                fromDay == null ? null : fromDay.atStartOfDay(ShanghaiTime.ZONE).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(ShanghaiTime.ZONE).toInstant());
        return Mono.zip(published.search(search, before, PAGE), topics.forPublic(), topicNames()).map(all -> {
            model.addAttribute("nav", "search");
            model.addAttribute("q", q.strip());
            model.addAttribute("kind", contentKind == null ? "" : contentKind.path());
            model.addAttribute("topic", topic == null ? "" : topic);
            model.addAttribute("from", fromDay == null ? "" : fromDay.toString());
            model.addAttribute("to", toDay == null ? "" : toDay.toString());
            model.addAttribute("searched", !search.terms().isEmpty());
            model.addAttribute("slice", all.getT1());
            model.addAttribute("topics", all.getT2());
            model.addAttribute("topicNames", all.getT3());
            model.addAttribute("meta", meta.plain(q.isBlank() ? "搜索" : "搜索：" + q.strip(), null));
            return "column/search";
        });
    }

    /**
     * The page's version: the item, the layout's scripts and styles, the 适老化 switch and the last change to
     * the column (topic names, navigation). A reader who already has it gets 304, which is not counted as a view.
     */
    private boolean notModified(Content content, Player player, ServerWebExchange exchange) {
        String version = content.getId() + ":" + content.getVersion() + ":" + player.version() + ":"
                + assets.entry("src/site/main.ts") + ":"
                + ElderPreference.isOn(exchange) + ":" + publicCache.changedAt();
        exchange.getResponse().getHeaders().setCacheControl("public, no-cache");
        return exchange.checkNotModified("W/\"" + DigestUtils.md5DigestAsHex(version.getBytes(StandardCharsets.UTF_8)) + "\"");
    }

    /** The reader's copy is current: answered with a bodiless 304 (its ETag was set by checkNotModified). */
    private static final class NotModified extends RuntimeException {

        NotModified() {
            super(null, null, false, false);
        }
    }

    @ExceptionHandler(NotModified.class)
    ResponseEntity<Void> notModified(NotModified ignored) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
    }

    private Mono<Map<String, String>> topicNames() {
        return topics.forPublic().map(ColumnPageController::names);
    }

    private static Map<String, String> names(List<Topic> topics) {
        Map<String, String> names = new LinkedHashMap<>();
        topics.forEach(topic -> names.put(topic.slug(), topic.name()));
        return names;
    }

    private static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }
}
