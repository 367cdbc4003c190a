package cn.fasheng.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import cn.fasheng.platform.crypto.SecretBox;
import reactor.core.publisher.Mono;

/**
 * Current access tokens, shared by every instance through the account document. One instance at a time renews a
 * token (a lease on the account): a Bilibili refresh token works once, so two instances refreshing together would
 * lock the account out. The new pair is stored in one update, before anyone uses it.
 */
@Service
public class ChannelTokens {

    private static final Logger log = LoggerFactory.getLogger(ChannelTokens.class);
    /** Well beyond one token request (and any clock difference between instances), so a slow renewal is not doubled. */
    private static final Duration MIN_RENEWAL_LEASE = Duration.ofMinutes(2);
    /** WeChat allows a forced renewal every 30 s (and 20 a day). */
    private static final Duration FORCED_SPACING = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final SecretBox secrets;
    private final Map<Channel, TokenSource> sources;
    private final PublishingProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Duration renewalLease;

    ChannelTokens(ReactiveMongoTemplate mongo, SecretBox secrets, List<TokenSource> sources,
            PublishingProperties properties, Clock clock) {
        this.mongo = mongo;
        this.secrets = secrets;
        this.sources = sources.stream().collect(Collectors.toMap(TokenSource::channel, Function.identity()));
        this.properties = properties;
        this.clock = clock;
        Duration three = properties.requestTimeout().multipliedBy(3);
        this.renewalLease = three.compareTo(MIN_RENEWAL_LEASE) > 0 ? three : MIN_RENEWAL_LEASE;
    }

    /** A session with a token valid for a while yet; fails with {@link ChannelUnavailableException} when the channel is not usable. */
    public Mono<ChannelSession> session(Channel channel) {
        return account(channel).flatMap(account -> {
            if (account.state() != AccountState.CONNECTED) {
                return Mono.error(new ChannelUnavailableException(channel.label() + "账号" + account.state().label()
                        + (account.stateReason() == null ? "" : "：" + account.stateReason())));
            }
            if (account.paused()) {
                return Mono.error(new ChannelUnavailableException(channel.label() + "渠道已暂停发布"));
            }
            boolean fresh = account.sealedAccessToken() != null && account.tokenExpiresAt() != null
                    && account.tokenExpiresAt().isAfter(clock.instant().plus(properties.renewTokensBefore()));
            return fresh ? Mono.just(session(account)) : renew(account, false);
        });
    }

    /** The channel refused this session's token: renew it once (unless another instance already has) and go on. */
    public Mono<ChannelSession> rejected(ChannelSession session) {
        return account(session.channel()).flatMap(account -> account.tokenGeneration() > session.generation()
                ? Mono.just(session(account)) : renew(account, true));
    }

    /** A channel call with this session's token; a refused token is renewed once (by one instance) and the call repeated. */
    public <T> Mono<T> withRenewal(ChannelSession session, Function<ChannelSession, Mono<T>> request) {
        return Mono.defer(() -> request.apply(session)).onErrorResume(ChannelException.class, e ->
                e.kind() != ChannelException.Kind.AUTH ? Mono.error(e) : rejected(session).flatMap(request));
    }

    private Mono<ChannelSession> renew(ChannelAccount account, boolean forced) {
        Instant now = clock.instant();
        Query free = Query.query(Criteria.where("_id").is(account.id()).and("tokenGeneration").is(account.tokenGeneration())
                .orOperator(Criteria.where("renewingUntil").is(null), Criteria.where("renewingUntil").lt(now)));
        Update lease = new Update().set("renewingUntil", now.plus(renewalLease)).set("renewingOwner", owner);
        return mongo.findAndModify(free, lease, FindAndModifyOptions.options().returnNew(true), ChannelAccount.class)
                .flatMap(held -> renewHeld(held, forced))
                .switchIfEmpty(Mono.defer(() -> awaitRenewal(account)));
    }

    private Mono<ChannelSession> renewHeld(ChannelAccount account, boolean forced) {
        String place = account.id();
        boolean force = forced && (account.lastForcedRenewal() == null
                || account.lastForcedRenewal().isBefore(clock.instant().minus(FORCED_SPACING)));
        return sources.get(account.channel())
                .renew(account.appId(), secrets.open(account.sealedAppSecret(), place + ":appSecret"),
                        secrets.open(account.sealedRefreshToken(), place + ":refreshToken"), force)
                .flatMap(grant -> {
                    Update store = new Update().set("sealedAccessToken", secrets.seal(grant.accessToken(), place + ":accessToken"))
                            .set("tokenExpiresAt", grant.expiresAt()).inc("tokenGeneration", 1)
                            .unset("renewingUntil").unset("renewingOwner").set("updatedAt", clock.instant());
                    if (grant.refreshToken() != null) {
                        store.set("sealedRefreshToken", secrets.seal(grant.refreshToken(), place + ":refreshToken"));
                    }
                    if (force) {
                        store.set("lastForcedRenewal", clock.instant());
                    }
                    // Stored unless another renewal already stored a newer pair: a pair that arrived is never dropped
                    // because a lease lapsed meanwhile (the old refresh token is spent either way).
                    store.set("state", AccountState.CONNECTED).unset("stateReason");
                    return mongo.findAndModify(Query.query(Criteria.where("_id").is(place)
                                    .and("tokenGeneration").is(account.tokenGeneration()).and("state").ne(AccountState.DISABLED)),
                            store, FindAndModifyOptions.options().returnNew(true), ChannelAccount.class)
                            .switchIfEmpty(Mono.defer(() -> account(account.channel())));
                })
                .map(this::session)
                .onErrorResume(ChannelException.class, e -> {
                    Update release = new Update().unset("renewingUntil").unset("renewingOwner");
                    if (e.kind() == ChannelException.Kind.AUTH) {
                        log.warn("{}账号的令牌无法更新（{}），需要重新授权", account.channel().label(), e.code());
                        release.set("state", AccountState.NEEDS_REAUTH).set("stateReason", e.getMessage())
                                .set("updatedAt", clock.instant());
                    }
                    return mongo.updateFirst(Query.query(Criteria.where("_id").is(place)
                                    .and("tokenGeneration").is(account.tokenGeneration())), release, ChannelAccount.class).then(Mono.error(e.kind() == ChannelException.Kind.AUTH
                                    ? new ChannelUnavailableException(account.channel().label() + "账号需要重新授权：" + e.getMessage())
                                    : e));
                });
    }

    /** Another instance holds the renewal: wait for its new token (or for its lease to lapse, then try again). */
    private Mono<ChannelSession> awaitRenewal(ChannelAccount seen) {
        return account(seen.channel())
                .flatMap(now -> {
                    if (now.tokenGeneration() > seen.tokenGeneration()) {
                        return Mono.just(session(now));
                    }
                    if (now.state() != AccountState.CONNECTED) {
                        return Mono.error(new ChannelUnavailableException(seen.channel().label() + "账号" + now.state().label()));
                    }
                    return Mono.<ChannelSession>empty();
                })
                .repeatWhenEmpty(60, attempts -> attempts.delayElements(Duration.ofMillis(500)))
                .switchIfEmpty(Mono.defer(() -> account(seen.channel()).flatMap(a -> renew(a, false))));
    }

    private Mono<ChannelAccount> account(Channel channel) {
        return mongo.findById(channel.name(), ChannelAccount.class)
                .switchIfEmpty(Mono.error(() -> new ChannelUnavailableException(channel.label() + "账号尚未连接")));
    }

    private ChannelSession session(ChannelAccount account) {
        return new ChannelSession(account.channel(), account.appId(),
                secrets.open(account.sealedAppSecret(), account.id() + ":appSecret"),
                secrets.open(account.sealedAccessToken(), account.id() + ":accessToken"), account.tokenGeneration());
    }
}
