package cn.fasheng.publishing.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import cn.fasheng.publishing.fake.FakeChannelServer.ChannelError;

/** The fake Bilibili's authorization codes and token pairs; refresh tokens work exactly once. */
final class FakeBilibiliOAuth {

    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(2_592_000);

    private final Set<String> codes = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    /** true while the refresh token may still be exchanged. */
    private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicInteger refreshCalls = new AtomicInteger();
    private final AtomicInteger refreshReuses = new AtomicInteger();
    private volatile String lastConsentCode;
    private volatile Duration lifetime = DEFAULT_LIFETIME;
    private volatile boolean expiresInAbsolute;

    String issueCode() {
        String code = FakeBilibili.randomAlphanumeric(32);
        codes.add(code);
        return code;
    }

    String consentCode() {
        String code = issueCode();
        lastConsentCode = code;
        return code;
    }

    String lastConsentCode() {
        return lastConsentCode;
    }

    void expiresInAbsolute(boolean absolute) {
        expiresInAbsolute = absolute;
    }

    void accessTokenLifetime(Duration accessLifetime) {
        lifetime = accessLifetime;
    }

    void expireAccessTokens() {
        accessTokens.replaceAll((token, expiry) -> Instant.EPOCH);
    }

    int refreshCalls() {
        return refreshCalls.get();
    }

    int refreshReuses() {
        return refreshReuses.get();
    }

    boolean live(String accessToken) {
        Instant expiry = accessToken == null ? null : accessTokens.get(accessToken);
        return expiry != null && Instant.now().isBefore(expiry);
    }

    Map<String, Object> exchange(Map<String, String> form) {
        checkClient(form);
        if (!"authorization_code".equals(form.get("grant_type"))) {
            throw new ChannelError(127100, "grant_type无效");
        }
        String code = form.get("code");
        if (code == null || !codes.remove(code)) {
            throw new ChannelError(127100, "code无效");
        }
        return issuePair();
    }

    Map<String, Object> refresh(Map<String, String> form) {
        refreshCalls.incrementAndGet();
        checkClient(form);
        if (!"refresh_token".equals(form.get("grant_type"))) {
            throw new ChannelError(127100, "grant_type无效");
        }
        String presented = form.get("refresh_token");
        // The atomic replace makes two concurrent refreshes with one token end with exactly one winner.
        if (presented == null || !refreshTokens.replace(presented, true, false)) {
            if (presented != null && Boolean.FALSE.equals(refreshTokens.get(presented))) {
                refreshReuses.incrementAndGet();
            }
            throw new ChannelError(122007, "refresh_token无效");
        }
        return issuePair();
    }

    /** Issued tokens survive a reset so that an account connected once stays connected across tests. */
    void reset() {
        codes.clear();
        lastConsentCode = null;
        refreshCalls.set(0);
        refreshReuses.set(0);
        lifetime = DEFAULT_LIFETIME;
        expiresInAbsolute = false;
    }

    private static void checkClient(Map<String, String> form) {
        if (!FakeBilibili.CLIENT_ID.equals(form.get("client_id"))
                || !FakeBilibili.APP_SECRET.equals(form.get("client_secret"))) {
            throw new ChannelError(127004, "client_id或client_secret无效");
        }
    }

    private Map<String, Object> issuePair() {
        Duration accessLifetime = lifetime;
        Instant expiry = Instant.now().plus(accessLifetime);
        String access = FakeBilibili.randomAlphanumeric(32);
        String refresh = FakeBilibili.randomAlphanumeric(32);
        accessTokens.put(access, expiry);
        refreshTokens.put(refresh, true);
        long expiresIn = expiresInAbsolute ? expiry.getEpochSecond() : accessLifetime.toSeconds();
        return FakeChannelServer.obj("access_token", access, "expires_in", expiresIn, "refresh_token", refresh,
                "scopes", List.of("ARC_BASE"));
    }
}
