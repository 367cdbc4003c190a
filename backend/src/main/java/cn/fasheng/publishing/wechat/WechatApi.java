package cn.fasheng.publishing.wechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;

import cn.fasheng.publishing.ChannelHttp;
import cn.fasheng.publishing.PublishingProperties;
import cn.fasheng.publishing.TokenGrant;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The Official Account calls the project makes; the access token travels as a query parameter. */
@Component
public class WechatApi {

    private final ChannelHttp http = new ChannelHttp("wechat");
    private final String base;
    private final PublishingProperties properties;
    private final Clock clock;

    WechatApi(PublishingProperties properties, Clock clock) {
        this.base = properties.wechat().apiUrl();
        this.properties = properties;
        this.clock = clock;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        http.dispose();
    }

    public Mono<TokenGrant> stableToken(String appId, String secret, boolean forceRefresh) {
        Map<String, Object> body = Map.of("grant_type", "client_credential", "appid", appId, "secret", secret,
                "force_refresh", forceRefresh);
        return call(http.client().post().uri(base + "/cgi-bin/stable_token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body), properties.requestTimeout(), "获取访问令牌")
                .map(data -> new TokenGrant(data.path("access_token").asString(), null,
                        clock.instant().plusSeconds(data.path("expires_in").asLong(7200))));
    }

    /** type image, video or thumb; a video carries its title and introduction. Answers the permanent media_id. */
    public Mono<String> addMaterial(String token, String type, byte[] bytes, String fileName, String title,
            String introduction) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("media", named(bytes, fileName));
        if ("video".equals(type)) {
            parts.part("description", ChannelHttp.JSON.writeValueAsString(Map.of("title", title,
                    "introduction", introduction == null ? "" : introduction)));
        }
        return call(http.client().post().uri(base + "/cgi-bin/material/add_material?access_token={t}&type={type}", token, type)
                        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())),
                properties.uploadTimeout(), "video".equals(type) ? "上传视频素材" : "上传封面素材")
                .map(data -> data.path("media_id").asString());
    }

    /** An image for the inside of an article; answers its address on WeChat's servers. */
    public Mono<String> uploadImage(String token, byte[] bytes, String fileName) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("media", named(bytes, fileName));
        return call(http.client().post().uri(base + "/cgi-bin/media/uploadimg?access_token={t}", token)
                        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())),
                properties.uploadTimeout(), "上传正文图片").map(data -> data.path("url").asString());
    }

    public Mono<String> addDraft(String token, Map<String, Object> article) {
        return post(token, "/cgi-bin/draft/add", Map.of("articles", List.of(article)), "保存草稿")
                .map(data -> data.path("media_id").asString());
    }

    public Mono<String> submit(String token, String draftMediaId) {
        return post(token, "/cgi-bin/freepublish/submit", Map.of("media_id", draftMediaId), "提交发布")
                .map(data -> data.path("publish_id").asString());
    }

    public Mono<Publication> publication(String token, String publishId) {
        return post(token, "/cgi-bin/freepublish/get", Map.of("publish_id", publishId), "查询发布状态").map(data -> {
            JsonNode first = data.path("article_detail").path("item").path(0);
            return new Publication(data.path("publish_status").asInt(-1), data.path("article_id").asString(null),
                    first.path("article_url").asString(null));
        });
    }

    /**
     * The published article that links back to {@code sourceUrl} (the column page, one per content item), updated at
     * or after {@code since}: looked for before a publication whose answer was lost is submitted again.
     */
    public Mono<Optional<Publication>> findPublished(String token, String sourceUrl, Instant since) {
        return findPublished(token, sourceUrl, since, 0);
    }

    private Mono<Optional<Publication>> findPublished(String token, String sourceUrl, Instant since, int offset) {
        int count = 20;
        return post(token, "/cgi-bin/freepublish/batchget", Map.of("offset", offset, "count", count, "no_content", 1),
                "查找已发布的图文").flatMap(data -> {
                    boolean older = false;
                    int items = 0;
                    for (JsonNode item : data.path("item")) {
                        items++;
                        long updated = item.path("update_time").asLong(0);
                        if (updated > 0 && updated < since.minusSeconds(600).getEpochSecond()) {
                            older = true;
                            continue;
                        }
                        for (JsonNode news : item.path("content").path("news_item")) {
                            if (sourceUrl.equals(news.path("content_source_url").asString(""))) {
                                return Mono.just(Optional.of(new Publication(0, item.path("article_id").asString(null),
                                        news.path("url").asString(null))));
                            }
                        }
                    }
                    return items < count || older || offset >= 400 ? Mono.just(Optional.<Publication>empty())
                            : findPublished(token, sourceUrl, since, offset + count);
                });
    }

    /**
     * Each article's figures for one day ({@code /datacube/getarticlesummary}, one day per call): the numbers that
     * arrived, under WeChat's names, with the article's msgid and title to find the post by.
     */
    public Mono<List<ArticleDay>> articleSummary(String token, java.time.LocalDate day) {
        return post(token, "/datacube/getarticlesummary", Map.of("begin_date", day.toString(), "end_date", day.toString()),
                "读取图文数据").map(data -> {
                    List<ArticleDay> days = new java.util.ArrayList<>();
                    for (JsonNode item : data.path("list")) {
                        Map<String, Long> figures = new java.util.LinkedHashMap<>();
                        item.properties().forEach(field -> {
                            if (field.getValue().isNumber()) {
                                figures.put(field.getKey(), field.getValue().asLong());
                            }
                        });
                        days.add(new ArticleDay(item.path("msgid").asString(""), item.path("title").asString(""), figures));
                    }
                    return days;
                });
    }

    private Mono<JsonNode> post(String token, String path, Object body, String stage) {
        return call(http.client().post().uri(base + path + "?access_token={t}", token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body), properties.requestTimeout(), stage);
    }

    private Mono<JsonNode> call(org.springframework.web.reactive.function.client.WebClient.RequestHeadersSpec<?> request,
            Duration timeout, String stage) {
        return http.exchange(request, timeout, stage).map(answer -> {
            JsonNode body = answer.body();
            int code = body.path("errcode").asInt(0);
            if (code != 0) {
                throw WechatCodes.error(code, body.path("errmsg").asString(""), stage, answer.retryAfter());
            }
            return body;
        });
    }

    private static ByteArrayResource named(byte[] bytes, String fileName) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        };
    }

    /** One article's figures on one day. */
    public record ArticleDay(String msgid, String title, Map<String, Long> figures) {
    }

    /** publish_status 0 is published, 1 still publishing; others are failures. */
    public record Publication(int status, String articleId, String articleUrl) {
    }
}
