package cn.fasheng.publishing.bilibili;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import cn.fasheng.publishing.ChannelHttp;
import cn.fasheng.publishing.ChannelSession;
import cn.fasheng.publishing.PublishingProperties;
import cn.fasheng.publishing.TokenGrant;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** The Open Platform calls the project makes, signed as the contract says; each answer checked by its envelope. */
@Component
public class BilibiliApi {

    private final ChannelHttp http = new ChannelHttp("bilibili");
    private final PublishingProperties.Bilibili urls;
    private final PublishingProperties properties;
    private final Clock clock;

    BilibiliApi(PublishingProperties properties, Clock clock) {
        this.properties = properties;
        this.urls = properties.bilibili();
        this.clock = clock;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        http.dispose();
    }

    /** The consent page an administrator is sent to; Bilibili returns to {@code returnUrl} with code and state. */
    public String consentUrl(String clientId, String returnUrl, String state) {
        return org.springframework.web.util.UriComponentsBuilder.fromUriString(urls.consentUrl())
                .queryParam("client_id", clientId).queryParam("gourl", returnUrl).queryParam("state", state)
                .encode().build().toUriString();
    }

    public Mono<TokenGrant> exchangeCode(String clientId, String secret, String code) {
        return token("/x/account-oauth2/v1/token", clientId, secret, "authorization_code", "code", code, "换取授权令牌");
    }

    public Mono<TokenGrant> refresh(String clientId, String secret, String refreshToken) {
        return token("/x/account-oauth2/v1/refresh_token", clientId, secret, "refresh_token", "refresh_token",
                refreshToken, "刷新授权令牌");
    }

    private Mono<TokenGrant> token(String path, String clientId, String secret, String grant, String field, String value,
            String stage) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", clientId);
        form.add("client_secret", secret);
        form.add("grant_type", grant);
        form.add(field, value);
        return http.exchange(http.client().post().uri(urls.tokenUrl() + path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.APPLICATION_JSON).body(BodyInserters.fromFormData(form)), properties.requestTimeout(), stage)
                .map(answer -> data(answer, stage)).map(this::grant);
    }

    private TokenGrant grant(JsonNode data) {
        long expires = data.path("expires_in").asLong(0);
        // UNCERTAIN in the contract: expires_in may be an absolute Unix time. Seconds-from-now are far below 10^9.
        Instant expiresAt = expires > 1_000_000_000L ? Instant.ofEpochSecond(expires) : clock.instant().plusSeconds(expires);
        return new TokenGrant(data.path("access_token").asString(), data.path("refresh_token").asString(null), expiresAt);
    }

    public Mono<JsonNode> categories(ChannelSession session) {
        return signed(session, HttpMethod.GET, urls.apiUrl() + "/arcopen/fn/archive/type/list", null, "读取分区列表",
                properties.requestTimeout());
    }

    public Mono<String> init(ChannelSession session, String fileName) {
        return signed(session, HttpMethod.POST, urls.apiUrl() + "/arcopen/fn/archive/video/init",
                json(java.util.Map.of("name", fileName, "utype", "0")), "初始化上传", properties.requestTimeout())
                .map(data -> data.path("upload_token").asString());
    }

    public Mono<Void> uploadPart(ChannelSession session, String uploadToken, int number, byte[] bytes, int of) {
        String url = urls.uploadUrl() + "/video/v2/part/upload?upload_token=" + enc(uploadToken) + "&part_number=" + number;
        String stage = "上传分片 " + number + "/" + of;
        return http.exchange(http.client().post().uri(java.net.URI.create(url))
                        .headers(h -> BilibiliSigner.headers(session.appId(), session.appSecret(), session.accessToken(),
                                new byte[0], clock.instant().getEpochSecond()).forEach(h::set))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(bytes), properties.uploadTimeout(), stage)
                .map(answer -> data(answer, stage)).then();
    }

    public Mono<Void> complete(ChannelSession session, String uploadToken) {
        return signed(session, HttpMethod.POST, urls.apiUrl() + "/arcopen/fn/archive/video/complete?upload_token="
                + enc(uploadToken), null, "合并分片", properties.uploadTimeout()).then();
    }

    public Mono<String> uploadCover(ChannelSession session, byte[] image, String fileName) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new org.springframework.core.io.ByteArrayResource(image) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        String stage = "上传封面";
        return http.exchange(http.client().post().uri(urls.apiUrl() + "/arcopen/fn/archive/cover/upload")
                        .headers(h -> BilibiliSigner.headers(session.appId(), session.appSecret(), session.accessToken(),
                                new byte[0], clock.instant().getEpochSecond()).forEach(h::set))
                        .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())),
                        properties.uploadTimeout(), stage)
                .map(answer -> data(answer, stage).path("url").asString());
    }

    public Mono<String> submit(ChannelSession session, String uploadToken, java.util.Map<String, Object> archive) {
        return signed(session, HttpMethod.POST, urls.apiUrl() + "/arcopen/fn/archive/add-by-utoken?upload_token="
                + enc(uploadToken), json(archive), "提交稿件", properties.requestTimeout())
                .map(data -> data.path("resource_id").asString());
    }

    public Mono<ArchiveStatus> view(ChannelSession session, String resourceId) {
        return signed(session, HttpMethod.GET, urls.apiUrl() + "/arcopen/fn/archive/view?resource_id=" + enc(resourceId),
                null, "查询稿件状态", properties.requestTimeout()).map(ArchiveStatus::of);
    }

    /**
     * An archive's counters as the platform reports them, under its own names. The contract is unsure of the names,
     * so every number that arrives is kept, at the top level or inside a {@code stat} object.
     */
    public Mono<Map<String, Long>> archiveStat(ChannelSession session, String resourceId) {
        return signed(session, HttpMethod.GET, urls.apiUrl() + "/arcopen/fn/data/arc/stat?resource_id=" + enc(resourceId),
                null, "读取稿件数据", properties.requestTimeout()).map(data -> {
                    Map<String, Long> counters = new LinkedHashMap<>();
                    numbers(data.path("stat"), counters);
                    numbers(data, counters);
                    return counters;
                });
    }

    private static void numbers(JsonNode node, Map<String, Long> into) {
        node.properties().forEach(field -> {
            if (field.getValue().isNumber()) {
                into.putIfAbsent(field.getKey(), field.getValue().asLong());
            }
        });
    }

    /**
     * The archive submitted with this title at or after {@code since}, looked for in the account's list (newest
     * first) before a submit whose answer was lost is repeated.
     */
    public Mono<Optional<String>> findSubmitted(ChannelSession session, String title, Instant since) {
        return findSubmitted(session, title, since, 1);
    }

    private Mono<Optional<String>> findSubmitted(ChannelSession session, String title, Instant since, int page) {
        int size = 50;
        return signed(session, HttpMethod.GET, urls.apiUrl() + "/arcopen/fn/archive/viewlist?pn=" + page + "&ps=" + size
                + "&status=all", null, "查找已提交的稿件", properties.requestTimeout()).flatMap(data -> {
                    List<JsonNode> items = new ArrayList<>();
                    data.path("list").forEach(items::add);
                    boolean older = false;
                    for (JsonNode item : items) {
                        long ctime = item.path("ctime").asLong(0);
                        // Ten minutes of slack: Bilibili's clock and ours need not agree.
                        if (ctime > 0 && ctime < since.minusSeconds(600).getEpochSecond()) {
                            older = true;
                            continue;
                        }
                        if (title.equals(item.path("title").asString(""))) {
                            return Mono.just(Optional.of(item.path("resource_id").asString()));
                        }
                    }
                    return items.size() < size || older || page >= 20 ? Mono.just(Optional.<String>empty())
                            : findSubmitted(session, title, since, page + 1);
                });
    }

    private Mono<JsonNode> signed(ChannelSession session, HttpMethod method, String url, byte[] body, String stage,
            Duration timeout) {
        byte[] content = body == null ? new byte[0] : body;
        WebClient.RequestBodySpec request = http.client().method(method).uri(java.net.URI.create(url))
                .headers(h -> BilibiliSigner.headers(session.appId(), session.appSecret(), session.accessToken(), content,
                        clock.instant().getEpochSecond()).forEach(h::set));
        WebClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return http.exchange(ready, timeout, stage).map(answer -> data(answer, stage));
    }

    private static JsonNode data(ChannelHttp.Answer answer, String stage) {
        JsonNode body = answer.body();
        int code = body.path("code").asInt(-1);
        if (code != 0) {
            throw BilibiliCodes.error(code, body.path("message").asString(""), stage, answer.retryAfter());
        }
        return body.path("data");
    }

    private static byte[] json(Object value) {
        return ChannelHttp.JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code state} 0 is open to viewers; {@code rejectReason} set when the review turned it down. */
    public record ArchiveStatus(int state, String stateText, String rejectReason, String shareUrl) {

        static ArchiveStatus of(JsonNode data) {
            JsonNode addit = data.path("addit_info");
            String reason = addit.path("reject_reason").asString("");
            return new ArchiveStatus(addit.path("state").asInt(-1), addit.path("state_desc").asString(""),
                    reason.isBlank() ? null : reason, data.path("video_info").path("share_url").asString(null));
        }
    }
}
