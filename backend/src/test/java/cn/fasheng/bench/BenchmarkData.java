package cn.fasheng.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexResolver;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import cn.fasheng.content.Content;
import cn.fasheng.content.ContentKind;
import cn.fasheng.content.ContentState;
import cn.fasheng.content.HtmlSanitizer;
import cn.fasheng.content.SearchTerms;
import cn.fasheng.content.Topic;
import cn.fasheng.platform.embedded.EmbeddedMongo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes N published items into a fresh embedded store (the same H2 file the jar then opens), built from the
 * demo articles in media-samples so that pages, bodies and search terms have realistic sizes.
 */
final class BenchmarkData {

    private BenchmarkData() {
    }

    record Template(ContentKind kind, String slug, String title, String summary, List<String> topics,
            List<String> tags, String source, String body, List<String> terms) {
    }

    static List<Template> seed(Path dataDir, Path demo, int count) throws IOException {
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(demo.resolve("content.json")));
        SearchTerms segmenter = new SearchTerms();
        List<Template> templates = new ArrayList<>();
        for (JsonNode item : json.get("items")) {
            String body = Files.readString(demo.resolve(item.get("body").asString()), StandardCharsets.UTF_8);
            List<String> tags = item.get("tags").valueStream().map(JsonNode::asString).toList();
            templates.add(new Template(ContentKind.valueOf(item.get("kind").asString()), item.get("slug").asString(),
                    item.get("title").asString(), item.get("summary").asString(),
                    item.get("topics").valueStream().map(JsonNode::asString).toList(), tags, item.get("source").asString(),
                    body, segmenter.of(item.get("title").asString(), item.get("summary").asString(),
                            HtmlSanitizer.text(body), String.join(" ", tags))));
        }
        EmbeddedMongo server = EmbeddedMongo.acquire(dataDir.resolve("mongo").resolve("fasheng.mv"));
        try (MongoClient client = MongoClients.create(server.uri("fasheng"))) {
            ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "fasheng");
            // As on a real first start: the application's indexes exist before the content does.
            IndexResolver indexes = IndexResolver.create(mongo.getConverter().getMappingContext());
            for (Class<?> type : List.of(Content.class, Topic.class)) {
                for (IndexDefinition index : indexes.resolveIndexFor(type)) {
                    mongo.indexOps(type).createIndex(index).block();
                }
            }
            List<Topic> topics = new ArrayList<>();
            int position = 1;
            for (JsonNode topic : json.get("topics")) {
                topics.add(new Topic(null, topic.get("slug").asString(), topic.get("name").asString(),
                        topic.get("description").asString(), position++, null));
            }
            mongo.insertAll(topics).blockLast();
            Instant now = Instant.now();
            List<Content> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(item(templates.get(i % templates.size()), i, now.minus(Duration.ofMinutes(37L * i))));
                if (batch.size() == 500 || i == count - 1) {
                    mongo.insertAll(batch).blockLast();
                    batch.clear();
                }
            }
        }
        finally {
            server.release();
        }
        return templates;
    }

    private static Content item(Template t, int n, Instant published) {
        Content c = new Content();
        c.setKind(t.kind());
        c.setSlug(t.slug() + "-" + n);
        c.setTitle(t.title() + "（第" + n + "期）");
        c.setSummary(t.summary());
        c.setBody(t.body());
        c.setTopics(t.topics());
        c.setTags(t.tags());
        c.setSource(t.source());
        c.setAuthorName("区司法局普法科");
        c.setContributorIds(new LinkedHashSet<>());
        c.setState(ContentState.PUBLISHED);
        c.setPublishedAt(published);
        c.setCreatedAt(published);
        c.setUpdatedAt(published);
        c.setRevision(1);
        c.setFeatured(n < 3);
        c.setSearchTerms(t.terms());
        return c;
    }
}
