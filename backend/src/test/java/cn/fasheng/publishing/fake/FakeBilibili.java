package cn.fasheng.publishing.fake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bilibili Open Platform (OAuth, signed member API and video-bytes upload) on loopback, per
 * /work/shared/channels/bilibili-openplatform.md. One server answers the paths of every Bilibili host.
 */
public final class FakeBilibili extends FakeChannelServer {

    public static final String CLIENT_ID = "fake-bili-client";
    public static final String APP_SECRET = "fake-bili-secret-0123456789";
    public static final int PART_SIZE = FakeBilibiliUploads.PART_SIZE;

    private static final List<Map<String, Object>> TYPES = List.of(
            obj("id", 36, "name", "知识", "children", List.of(
                    obj("id", 201, "name", "科学科普", "desc", "回答你的十万个为什么"),
                    obj("id", 124, "name", "社科·法律·心理", "desc", "法律、心理、社会学等人文社科知识"),
                    obj("id", 228, "name", "人文历史", "desc", "历史、文化、艺术"))),
            obj("id", 160, "name", "生活", "children", List.of(
                    obj("id", 21, "name", "日常", "desc", "一般日常向的生活类视频"))));
    private static final Set<Integer> TIDS = Set.of(201, 124, 228, 21);

    /** An archive as submitted; size and sha256 describe the merged video bytes. */
    public record Archive(String resourceId, String title, int tid, String cover, String desc, String tag,
            int copyright, String source, long size, String sha256, int state, String rejectReason, Instant created) {

        Archive withState(int newState, String reason) {
            return new Archive(resourceId, title, tid, cover, desc, tag, copyright, source, size, sha256, newState,
                    reason, created);
        }
    }

    private final FakeBilibiliOAuth oauth = new FakeBilibiliOAuth();
    private final FakeBilibiliUploads uploads = new FakeBilibiliUploads();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final AtomicInteger signatureFailures = new AtomicInteger();
    private final AtomicInteger covers = new AtomicInteger();
    private final Map<String, Archive> archives = new ConcurrentHashMap<>();
    private final List<String> archiveOrder = new ArrayList<>();
    private final Map<String, Map<String, Object>> stats = new ConcurrentHashMap<>();
    private volatile boolean autoOpen;
    private volatile Duration listingDelay = Duration.ZERO;

    private FakeBilibili() {
        route("GET", "/pc/account-pc/auth/oauth", this::consentPage);
        route("POST", "/x/account-oauth2/v1/token", r -> ok(oauth.exchange(params(r))));
        route("POST", "/x/account-oauth2/v1/refresh_token", r -> ok(oauth.refresh(params(r))));
        route("POST", "/arcopen/fn/archive/video/init", signed(r -> ok(obj("upload_token", uploads.init(r.json())))));
        route("POST", "/video/v2/part/upload", signed(r -> {
            uploads.part(r.param("upload_token"), r.param("part_number"), r.body());
            return ok(null);
        }));
        route("POST", "/video/v2/upload", signed(r -> {
            uploads.whole(r.param("upload_token"), r.body());
            return ok(null);
        }));
        route("POST", "/arcopen/fn/archive/video/complete", signed(r -> {
            uploads.complete(r.param("upload_token"));
            return ok(null);
        }));
        route("POST", "/arcopen/fn/archive/cover/upload", signed(this::cover));
        route("POST", "/arcopen/fn/archive/add-by-utoken", signed(this::addByUploadToken));
        route("GET", "/arcopen/fn/archive/type/list", signed(r -> ok(TYPES)));
        route("GET", "/arcopen/fn/archive/view", signed(this::view));
        route("GET", "/arcopen/fn/archive/viewlist", signed(this::viewList));
        route("GET", "/arcopen/fn/data/arc/stat", signed(this::stat));
    }

    public static FakeBilibili start() {
        FakeBilibili fake = new FakeBilibili();
        fake.listen();
        return fake;
    }

    /** The code behind the approve link of the consent page rendered last. */
    public String lastConsentCode() {
        return oauth.lastConsentCode();
    }

    /** A fresh single-use code, as if the user had approved on the consent page. */
    public String issueCode() {
        return oauth.issueCode();
    }

    public void expiresInAbsolute(boolean absolute) {
        oauth.expiresInAbsolute(absolute);
    }

    public void accessTokenLifetime(Duration lifetime) {
        oauth.accessTokenLifetime(lifetime);
    }

    public void expireAccessTokens() {
        oauth.expireAccessTokens();
    }

    public int refreshCalls() {
        return oauth.refreshCalls();
    }

    public int refreshReuses() {
        return oauth.refreshReuses();
    }

    public int signatureFailures() {
        return signatureFailures.get();
    }

    public int partUploads() {
        return uploads.partUploads();
    }

    public int partsStored(String uploadToken) {
        return uploads.partsStored(uploadToken);
    }

    /** Oldest first. */
    public List<Archive> archives() {
        synchronized (archiveOrder) {
            return archiveOrder.stream().map(archives::get).toList();
        }
    }

    public void openArchive(String resourceId) {
        archives.computeIfPresent(resourceId, (id, a) -> a.withState(0, ""));
    }

    public void rejectArchive(String resourceId, String reason) {
        archives.computeIfPresent(resourceId, (id, a) -> a.withState(-2, reason));
    }

    /** New archives appear in viewlist only after this long (as a real list lags behind a submit). */
    public void listingDelay(Duration delay) {
        listingDelay = delay;
    }

    /**
     * The counters {@code /arcopen/fn/data/arc/stat} answers for an archive, under the names of Bilibili's public web
     * API (the contract's best guess); an archive given counters here needs no submission first.
     */
    public void archiveStat(String resourceId, Map<String, Object> counters) {
        stats.put(resourceId, counters);
    }

    public void autoOpen(boolean open) {
        autoOpen = open;
    }

    @Override
    protected Reply errorReply(int code, String message) {
        return json(code, obj("code", code, "message", message, "ttl", 1, "request_id", UUID.randomUUID().toString()));
    }

    @Override
    protected int malformedCode() {
        return 127100;
    }

    @Override
    protected void resetState() {
        oauth.reset();
        uploads.reset();
        nonces.clear();
        signatureFailures.set(0);
        covers.set(0);
        synchronized (archiveOrder) {
            archives.clear();
            archiveOrder.clear();
        }
        stats.clear();
        autoOpen = false;
        listingDelay = Duration.ZERO;
    }

    private static Reply ok(Object data) {
        Map<String, Object> envelope = obj("code", 0, "message", "0", "ttl", 1, "request_id",
                UUID.randomUUID().toString());
        if (data != null) {
            envelope.put("data", data);
        }
        return json(0, envelope);
    }

    /** Token calls carry their fields in the form body or, from some clients, in the query. */
    private static Map<String, String> params(FakeRequest request) {
        Map<String, String> params = new TreeMap<>();
        request.query().forEach((name, values) -> params.put(name, values.get(0)));
        params.putAll(request.form());
        return params;
    }

    private Reply consentPage(FakeRequest request) {
        String gourl = request.param("gourl");
        if (!CLIENT_ID.equals(request.param("client_id"))) {
            return text(400, "unknown client_id");
        }
        if (gourl == null || gourl.isBlank()) {
            return text(400, "gourl is required");
        }
        String state = request.param("state");
        String href = gourl + (gourl.contains("?") ? "&" : "?") + "code=" + encode(oauth.consentCode())
                + (state == null ? "" : "&state=" + encode(state));
        return html("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>哔哩哔哩授权</title>"
                + "</head><body><h1>哔哩哔哩授权</h1><p>应用 <strong id=\"app-name\">法声昂杨发布平台</strong> "
                + "申请以下权限：投稿视频（ARC_BASE）</p><a id=\"approve\" href=\"" + escape(href) + "\">同意授权</a>"
                + "</body></html>");
    }

    private Handler signed(Handler handler) {
        return request -> {
            String problem = BiliSignature.problem(request, CLIENT_ID, APP_SECRET, nonces);
            if (problem != null) {
                signatureFailures.incrementAndGet();
                throw new ChannelError(-3, "签名校验失败: " + problem);
            }
            if (!oauth.live(request.header("access-token"))) {
                throw new ChannelError(127001, "access_token无效");
            }
            return handler.handle(request);
        };
    }

    private Reply cover(FakeRequest request) {
        Multipart.Part file = request.multipart().stream().filter(p -> "file".equals(p.name())).findFirst()
                .orElseThrow(() -> new ChannelError(127100, "缺少file"));
        if (!isJpeg(file.data()) && !isPng(file.data())) {
            throw new ChannelError(127102, "封面不是JPEG或PNG");
        }
        return ok(obj("url", "https://archive.biliimg.com/bfs/fake/" + covers.incrementAndGet() + ".jpg"));
    }

    private Reply addByUploadToken(FakeRequest request) {
        Archive archive = uploads.claim(request.param("upload_token"), video -> {
            FakeBilibiliSubmission s = FakeBilibiliSubmission.parse(request.json(), TIDS);
            return new Archive("BV1" + randomAlphanumeric(9), s.title(), s.tid(), s.cover(), s.desc(), s.tag(),
                    s.copyright(), s.source(), video.size(), video.sha256(), autoOpen ? 0 : -1, "", Instant.now());
        });
        synchronized (archiveOrder) {
            archives.put(archive.resourceId(), archive);
            archiveOrder.add(archive.resourceId());
        }
        return ok(obj("resource_id", archive.resourceId()));
    }

    private Reply view(FakeRequest request) {
        String id = request.param("resource_id");
        Archive archive = id == null ? null : archives.get(id);
        if (archive == null) {
            throw new ChannelError(127100, "稿件不存在: " + id);
        }
        return ok(FakeBilibiliSubmission.describe(archive, false));
    }

    private Reply stat(FakeRequest request) {
        String id = request.param("resource_id");
        Map<String, Object> counters = id == null ? null : stats.get(id);
        if (counters == null) {
            if (id == null || !archives.containsKey(id)) {
                throw new ChannelError(127100, "稿件不存在: " + id);
            }
            counters = obj("view", 0, "danmaku", 0, "reply", 0, "favorite", 0, "coin", 0, "share", 0, "like", 0);
        }
        Map<String, Object> data = obj("resource_id", id);
        data.putAll(counters);
        return ok(data);
    }

    private Reply viewList(FakeRequest request) {
        int pn = request.param("pn") == null ? 1 : FakeBilibiliUploads.positive(request.param("pn"), "pn");
        int ps = request.param("ps") == null ? 10 : FakeBilibiliUploads.positive(request.param("ps"), "ps");
        String status = request.param("status") == null ? "all" : request.param("status");
        if (ps > 100 || !Set.of("all", "is_pubing", "pubed", "not_pubed").contains(status)) {
            throw new ChannelError(127100, "参数错误: ps=" + ps + " status=" + status);
        }
        Instant listedBefore = Instant.now().minus(listingDelay);
        List<Archive> newestFirst = new ArrayList<>(archives().stream().filter(a -> !a.created().isAfter(listedBefore))
                .filter(a -> switch (status) {
            case "is_pubing" -> a.state() == -1;
            case "pubed" -> a.state() >= 0;
            case "not_pubed" -> a.state() < -1;
            default -> true;
        }).toList());
        Collections.reverse(newestFirst);
        List<Map<String, Object>> page = newestFirst.stream().skip((long) (pn - 1) * ps).limit(ps)
                .map(a -> FakeBilibiliSubmission.describe(a, true)).toList();
        return ok(obj("list", page, "page", obj("pn", pn, "ps", ps, "total", newestFirst.size())));
    }

    static String randomAlphanumeric(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return out.toString();
    }

    // %20 rather than '+': not every query decoder reads '+' as a space.
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
