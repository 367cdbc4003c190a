package cn.fasheng.publishing;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The bureau's account on one channel (one per channel, keyed by it). Secrets and tokens are stored sealed
 * ({@link cn.fasheng.platform.crypto.SecretBox}); {@code tokenGeneration} grows with every stored token, so an
 * instance that saw a token rejected renews it only if nobody has already. {@code renewingUntil} is the lease of
 * the one instance renewing it (a Bilibili refresh token works only once).
 */
@Document("channel_accounts")
public record ChannelAccount(
        @Id String id,
        Channel channel,
        String name,
        AccountState state,
        String stateReason,
        boolean paused,
        String appId,
        String sealedAppSecret,
        String sealedAccessToken,
        String sealedRefreshToken,
        Instant tokenExpiresAt,
        long tokenGeneration,
        Instant renewingUntil,
        String renewingOwner,
        Instant lastForcedRenewal,
        String authorizationStateHash,
        Instant authorizationStateExpiresAt,
        String connectedBy,
        Instant connectedAt,
        Instant updatedAt) {
}
