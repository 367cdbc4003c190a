package cn.fasheng.content;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cn.fasheng.media.AssetKind;
import cn.fasheng.media.MediaAssets;
import cn.fasheng.media.MediaStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the demo column (media-samples/demo, packed into the jar) on the first start of the embedded default.
 * Never when an external MongoDB is configured or any content or topic exists; a marker document makes sure
 * that of two instances starting together only one seeds.
 */
@Component
class DemoContentSeeder {


    record DemoTopic(String slug, String name, String description) {
    }

    record DemoItem(ContentKind kind, String slug, String title, String summary, List<String> topics,
            List<String> tags, String source, String author, String body, String cover, String media, boolean featured,
            int daysAgo) {
    }

    record Demo(List<DemoTopic> topics, List<DemoItem> items) {
    }

    private final ContentProperties properties;
    private final DemoSeeding seeding;
    private final ContentRepository contents;
    private final RevisionRepository revisions;
    private final TopicRepository topics;
    private final HtmlSanitizer sanitizer;
    private final SearchTerms searchTerms;
    private final MediaStore media;
    private final MediaAssets assets;
    private final Clock clock;

    DemoContentSeeder(ContentProperties properties, DemoSeeding seeding,
            ContentRepository contents, RevisionRepository revisions, TopicRepository topics, HtmlSanitizer sanitizer,
            SearchTerms searchTerms, MediaStore media, MediaAssets assets, Clock clock) {
        this.assets = assets;
        this.properties = properties;
        this.seeding = seeding;
        this.contents = contents;
        this.revisions = revisions;
        this.topics = topics;
        this.sanitizer = sanitizer;
        this.searchTerms = searchTerms;
        this.media = media;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnFirstStart() {
        seeding.once("demo-content", "演示内容", Mono.zip(contents.count(), topics.count())
                .map(counts -> counts.getT1() == 0 && counts.getT2() == 0), () -> seed().map(count -> count + " 条"));
    }

    private Mono<Long> seed() {
        Demo demo = DemoSeeding.read("content.json", in -> JsonMapper.builder().build().readValue(in, Demo.class));
        List<Topic> topicDocs = new ArrayList<>();
        for (int i = 0; i < demo.topics().size(); i++) {
            DemoTopic t = demo.topics().get(i);
            topicDocs.add(new Topic(null, t.slug(), t.name(), t.description(), i + 1, null));
        }
        return topics.saveAll(topicDocs).then(Flux.fromIterable(demo.items()).concatMap(this::seedItem).count());
    }

    private Mono<Content> seedItem(DemoItem item) {
        Mono<String> cover = item.cover() == null ? Mono.just("")
                : media.storeImage(DemoSeeding.read(item.cover(), InputStream::readAllBytes), item.cover()).map(f -> f.url());
        Mono<String> file = item.media() == null ? Mono.just("") : storeMedia(item.media(), item.kind(), item.author());
        return Mono.zip(cover, file).flatMap(urls -> {
            Content c = new Content();
            c.setKind(item.kind());
            c.setSlug(item.slug());
            c.setTitle(item.title());
            c.setSummary(item.summary());
            c.setCoverUrl(urls.getT1().isEmpty() ? null : urls.getT1());
            c.setMediaAssetId(urls.getT2().isEmpty() ? null : urls.getT2());
            c.setMediaName(item.media() == null ? null : Path.of(item.media()).getFileName().toString());
            c.setBody(sanitizer.clean(DemoSeeding.read(item.body(), in -> new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))));
            c.setTopics(item.topics());
            c.setTags(item.tags() == null ? List.of() : item.tags());
            c.setSource(item.source());
            c.setAuthorName(item.author());
            c.setContributorIds(new LinkedHashSet<>());
            c.setState(ContentState.PUBLISHED);
            c.setReviewStage(properties.reviewLevels());
            c.setReviewedBy("演示数据");
            c.setFeatured(item.featured());
            var published = clock.instant().atZone(ShanghaiTime.ZONE).toLocalDate().minusDays(item.daysAgo())
                    .atTime(LocalTime.of(9, 30)).atZone(ShanghaiTime.ZONE).toInstant();
            c.setPublishedAt(published.isAfter(clock.instant()) ? clock.instant() : published);
            c.setCreatedAt(c.getPublishedAt());
            c.setUpdatedAt(c.getPublishedAt());
            c.setRevision(1);
            c.setSearchTerms(searchTerms.of(c.getTitle(), c.getSummary(), HtmlSanitizer.text(c.getBody()),
                    String.join(" ", c.getTags())));
            return contents.save(c).flatMap(saved -> revisions
                    .save(Revision.of(saved, null, item.author(), saved.getCreatedAt(), "演示内容")).thenReturn(saved));
        });
    }

    private Mono<String> storeMedia(String name, ContentKind kind, String author) {
        return Mono.fromCallable(() -> {
            Path temp = Files.createTempFile("fasheng-demo-", ".bin");
            try (InputStream in = new ClassPathResource("demo/" + name).getInputStream()) {
                Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return temp;
        }).subscribeOn(Schedulers.boundedElastic())
                .flatMap(temp -> assets.importFile(temp, Path.of(name).getFileName().toString(),
                                kind == ContentKind.ANIMATION ? AssetKind.ANIMATION : AssetKind.VIDEO, author)
                        .doFinally(signal -> temp.toFile().delete()));
    }
}
