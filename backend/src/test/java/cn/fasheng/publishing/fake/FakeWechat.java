package cn.fasheng.publishing.fake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * WeChat Official Account publishing API (token, material, draft, freepublish) on loopback, per
 * /work/shared/channels/wechat-official-account.md.
 */
public final class FakeWechat extends FakeChannelServer {

    public static final String APP_ID = "wxfake0123456789ab";
    public static final String APP_SECRET = "fake-wechat-secret-0123456789abcdef";

    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(7200);
    private static final int MAX_MATERIAL = 10 * 1024 * 1024;
    private static final int MAX_THUMB = 64 * 1024;
    private static final int MAX_CONTENT_IMAGE = 1024 * 1024;

    public record Material(String mediaId, String type, int size, String title) {
    }

    public record Article(String title, String author, String digest, String content, String sourceUrl,
            String thumbMediaId, boolean needOpenComment, boolean onlyFansCanComment) {
    }

    /** content of each article is as stored: external images already stripped. */
    public record Draft(String mediaId, List<Article> articles, Instant created) {
    }

    /** articleId and articleUrl are null until the publication succeeds; status 1 while publishing. */
    public record Publication(String publishId, String articleId, String title, String content, String sourceUrl,
            String thumbMediaId, int status, String articleUrl, Instant submitted) {
    }

    private final FakeWechatArticles articles = new FakeWechatArticles(this::isPermanentImage);
    private final Object tokenLock = new Object();
    /** Expiry per token still known; a superseded token is forgotten (40001), an expired one is kept (42001). */
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private String currentToken;
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final AtomicInteger forcedRefreshes = new AtomicInteger();
    private final Map<String, Material> materials = new ConcurrentHashMap<>();
    private final List<String> materialOrder = new ArrayList<>();
    private final AtomicInteger images = new AtomicInteger();
    private volatile boolean ipWhitelistBlocked;
    private final Map<java.time.LocalDate, List<Map<String, Object>>> articleDays = new ConcurrentHashMap<>();

    private FakeWechat() {
        route("POST", "/cgi-bin/stable_token", this::stableToken);
        route("GET", "/cgi-bin/token", this::classicToken);
        route("POST", "/cgi-bin/material/add_material", authed(this::addMaterial));
        route("POST", "/cgi-bin/media/uploadimg", authed(this::uploadImage));
        route("POST", "/cgi-bin/draft/add", authed(r -> ok(obj("media_id", articles.addDraft(r.json())))));
        route("POST", "/cgi-bin/freepublish/submit", authed(r -> ok(articles.submit(r.json()))));
        route("POST", "/cgi-bin/freepublish/get", authed(r -> ok(articles.status(r.json()))));
        route("POST", "/cgi-bin/freepublish/batchget", authed(r -> ok(articles.batchGet(r.json()))));
        route("POST", "/datacube/getarticlesummary", authed(this::articleSummary));
    }

    public static FakeWechat start() {
        FakeWechat fake = new FakeWechat();
        fake.listen();
        return fake;
    }

    public int tokenCalls() {
        return tokenCalls.get();
    }

    public int forcedRefreshes() {
        return forcedRefreshes.get();
    }

    public void ipWhitelistBlocked(boolean blocked) {
        ipWhitelistBlocked = blocked;
    }

    /** Every token issued so far now answers 42001 until a new one is fetched. */
    public void expireTokens() {
        tokens.replaceAll((token, expiry) -> Instant.EPOCH);
    }

    public List<Material> materials() {
        synchronized (materialOrder) {
            return materialOrder.stream().map(materials::get).toList();
        }
    }

    public int uploadedImages() {
        return images.get();
    }

    public List<Draft> drafts() {
        return articles.drafts();
    }

    public int externalImagesSeen() {
        return articles.externalImagesSeen();
    }

    public void publishDelay(Duration delay) {
        articles.publishDelay(delay);
    }

    /** The next submission ends in this publish_status (2 originality, 3 general failure, 4 rejected …). */
    public void nextPublishOutcome(int status) {
        articles.nextPublishOutcome(status);
    }

    /** One article's figures for one day, as {@code /datacube/getarticlesummary} will list them. */
    public void articleFigures(java.time.LocalDate day, String msgid, String title, Map<String, Object> figures) {
        Map<String, Object> item = obj("ref_date", day.toString(), "msgid", msgid, "title", title);
        item.putAll(figures);
        articleDays.computeIfAbsent(day, d -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(item);
    }

    public List<Publication> publications() {
        return articles.publications();
    }

    @Override
    protected Reply errorReply(int code, String message) {
        return json(code, obj("errcode", code, "errmsg", message));
    }

    @Override
    protected int malformedCode() {
        return 47001;
    }

    /** The current token survives a reset so that a token cached by the application stays good across tests. */
    @Override
    protected void resetState() {
        tokenCalls.set(0);
        forcedRefreshes.set(0);
        synchronized (materialOrder) {
            materials.clear();
            materialOrder.clear();
        }
        images.set(0);
        ipWhitelistBlocked = false;
        articleDays.clear();
        articles.reset();
    }

    private static Reply ok(Map<String, Object> fields) {
        Map<String, Object> body = obj("errcode", 0, "errmsg", "ok");
        body.putAll(fields);
        return json(0, body);
    }

    private Reply whitelistBlocked() {
        return errorReply(40164, "invalid ip 127.0.0.1, not in whitelist");
    }

    private Reply stableToken(FakeRequest request) {
        if (ipWhitelistBlocked) {
            return whitelistBlocked();
        }
        JsonNode body = request.json();
        checkCredentials(FakeRequest.text(body, "grant_type"), FakeRequest.text(body, "appid"),
                FakeRequest.text(body, "secret"));
        JsonNode force = body.get("force_refresh");
        boolean forced = force != null && (force.isBoolean() ? force.booleanValue() : "true".equals(force.asString()));
        return token(forced, forced);
    }

    // Unlike stable_token, the classic endpoint issues a new token on every call and the previous one dies.
    private Reply classicToken(FakeRequest request) {
        if (ipWhitelistBlocked) {
            return whitelistBlocked();
        }
        checkCredentials(request.param("grant_type"), request.param("appid"), request.param("secret"));
        return token(true, false);
    }

    private static void checkCredentials(String grantType, String appId, String secret) {
        if (!"client_credential".equals(grantType)) {
            throw new ChannelError(40002, "invalid grant_type");
        }
        if (!APP_ID.equals(appId)) {
            throw new ChannelError(40013, "invalid appid");
        }
        if (!APP_SECRET.equals(secret)) {
            throw new ChannelError(40125, "invalid appsecret");
        }
    }

    private Reply token(boolean renew, boolean countAsForced) {
        synchronized (tokenLock) {
            Instant now = Instant.now();
            Instant expiry = currentToken == null ? null : tokens.get(currentToken);
            boolean valid = expiry != null && now.isBefore(expiry);
            if (renew || !valid) {
                if (valid) {
                    tokens.remove(currentToken);
                }
                currentToken = FakeBilibili.randomAlphanumeric(64);
                expiry = now.plus(TOKEN_LIFETIME);
                tokens.put(currentToken, expiry);
            }
            if (countAsForced) {
                forcedRefreshes.incrementAndGet();
            }
            tokenCalls.incrementAndGet();
            return json(0, obj("access_token", currentToken, "expires_in",
                    Math.max(1, Duration.between(now, expiry).toSeconds())));
        }
    }

    /** One day per call, and only days before today (Shanghai), as the documentation says. */
    private Reply articleSummary(FakeRequest request) {
        java.time.LocalDate begin;
        java.time.LocalDate end;
        try {
            begin = java.time.LocalDate.parse(request.json().path("begin_date").asString(""));
            end = java.time.LocalDate.parse(request.json().path("end_date").asString(""));
        }
        catch (java.time.format.DateTimeParseException e) {
            throw new ChannelError(61500, "date format error");
        }
        if (!begin.equals(end) || !end.isBefore(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))) {
            throw new ChannelError(61501, "date range error");
        }
        return ok(obj("list", articleDays.getOrDefault(begin, List.of())));
    }

    private Handler authed(Handler handler) {
        return request -> {
            if (ipWhitelistBlocked) {
                return whitelistBlocked();
            }
            String token = request.param("access_token");
            if (token == null || token.isEmpty()) {
                throw new ChannelError(41001, "access_token missing");
            }
            Instant expiry = tokens.get(token);
            if (expiry == null) {
                throw new ChannelError(40001, "invalid credential, access_token is invalid or not latest");
            }
            if (!Instant.now().isBefore(expiry)) {
                throw new ChannelError(42001, "access_token expired");
            }
            return handler.handle(request);
        };
    }

    private Reply addMaterial(FakeRequest request) {
        String type = request.param("type");
        if (!"image".equals(type) && !"video".equals(type) && !"thumb".equals(type)) {
            throw new ChannelError(40004, "invalid media type");
        }
        List<Multipart.Part> parts = request.multipart();
        Multipart.Part media = mediaPart(parts);
        byte[] data = media.data();
        String title = null;
        switch (type) {
            case "image" -> check(isJpeg(data) || isPng(data) || isGif(data), data.length <= MAX_MATERIAL);
            case "thumb" -> check(isJpeg(data), data.length <= MAX_THUMB);
            default -> {
                check(data.length > 8 && new String(data, 4, 4, StandardCharsets.ISO_8859_1)
                        .equals("ftyp"), data.length <= MAX_MATERIAL);
                title = videoTitle(parts);
            }
        }
        Material material = new Material(FakeBilibili.randomAlphanumeric(43), type, data.length, title);
        synchronized (materialOrder) {
            materials.put(material.mediaId(), material);
            materialOrder.add(material.mediaId());
        }
        return "image".equals(type)
                ? ok(obj("media_id", material.mediaId(), "url", "http://mmbiz.qpic.cn/fake/material-" + material.mediaId() + ".jpg"))
                : ok(obj("media_id", material.mediaId()));
    }

    private Reply uploadImage(FakeRequest request) {
        byte[] data = mediaPart(request.multipart()).data();
        check(isJpeg(data) || isPng(data), data.length <= MAX_CONTENT_IMAGE);
        return ok(obj("url", imageUrl()));
    }

    private String imageUrl() {
        return "http://mmbiz.qpic.cn/fake/" + images.incrementAndGet() + ".jpg";
    }

    private boolean isPermanentImage(String mediaId) {
        Material material = mediaId == null ? null : materials.get(mediaId);
        return material != null && ("image".equals(material.type()) || "thumb".equals(material.type()));
    }

    // WeChat takes the file type from the part's filename, so a part without one is rejected.
    private static Multipart.Part mediaPart(List<Multipart.Part> parts) {
        Multipart.Part media = parts.stream().filter(p -> "media".equals(p.name())).findFirst()
                .orElseThrow(() -> new ChannelError(41005, "media data missing"));
        if (media.filename() == null || media.filename().isBlank()) {
            throw new ChannelError(40005, "invalid file type: the media part has no filename");
        }
        return media;
    }

    private static void check(boolean typeOk, boolean sizeOk) {
        if (!typeOk) {
            throw new ChannelError(40005, "invalid file type");
        }
        if (!sizeOk) {
            throw new ChannelError(40006, "invalid file size");
        }
    }

    private static String videoTitle(List<Multipart.Part> parts) {
        Multipart.Part description = parts.stream().filter(p -> "description".equals(p.name())).findFirst()
                .orElseThrow(() -> new ChannelError(40097, "invalid args: description is required for video"));
        String title;
        try {
            title = FakeRequest.text(JSON.readTree(description.text()), "title");
        }
        catch (JacksonException | IllegalArgumentException e) {
            throw new ChannelError(40097, "invalid args: description is not JSON");
        }
        if (title == null || title.isBlank()) {
            throw new ChannelError(40097, "invalid args: description.title is required");
        }
        return title;
    }

    private static boolean isGif(byte[] data) {
        return data.length > 6 && data[0] == 'G' && data[1] == 'I' && data[2] == 'F' && data[3] == '8';
    }
}
