package cn.fasheng.publishing;

import java.time.Instant;

/** Tokens a channel issued. {@code refreshToken} is null where the channel has none (WeChat). */
public record TokenGrant(String accessToken, String refreshToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "TokenGrant[expiresAt=" + expiresAt + "]";
    }
}
