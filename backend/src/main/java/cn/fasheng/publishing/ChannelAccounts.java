package cn.fasheng.publishing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.media.Sha256;
import cn.fasheng.platform.crypto.SecretBox;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.platform.error.ProblemException;
import cn.fasheng.publishing.bilibili.BilibiliApi;
import cn.fasheng.publishing.wechat.WechatApi;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Connecting, pausing and disabling the channel accounts. A WeChat account connects with AppID + AppSecret (checked
 * by asking for a token); a Bilibili account with the app's client_id + app_secret and then the OAuth2 consent of
 * the bureau's Bilibili user, whose code is exchanged here.
 */
@Service
public class ChannelAccounts {

    private static final Duration AUTHORIZATION_VALID = Duration.ofMinutes(15);

    private final ReactiveMongoTemplate mongo;
    private final SecretBox secrets;
    private final BilibiliApi bilibili;
    private final WechatApi wechat;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ChannelAccounts(ReactiveMongoTemplate mongo, SecretBox secrets, BilibiliApi bilibili, WechatApi wechat, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.secrets = secrets;
        this.bilibili = bilibili;
        this.wechat = wechat;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Flux<ChannelAccount> all() {
        return mongo.findAll(ChannelAccount.class);
    }

    public Mono<ChannelAccount> find(Channel channel) {
        return mongo.findById(channel.name(), ChannelAccount.class);
    }

    /** Checks the credentials by asking WeChat for a token, then stores them sealed with that token. */
    public Mono<ChannelAccount> connectWechat(String name, String appId, String appSecret, ConsolePrincipal user, String ip) {
        String place = Channel.WECHAT.name();
        return wechat.stableToken(appId.strip(), appSecret.strip(), false)
                .onErrorMap(ChannelException.class, e -> new ProblemException(HttpStatus.BAD_REQUEST, "无法连接微信公众号", e.getMessage()))
                .flatMap(grant -> store(Channel.WECHAT, name, appId, appSecret, new Update()
                        .set("sealedAccessToken", secrets.seal(grant.accessToken(), place + ":accessToken"))
                        .set("tokenExpiresAt", grant.expiresAt()).set("state", AccountState.CONNECTED).unset("stateReason")
                        .set("connectedBy", user.displayName()).set("connectedAt", clock.instant()), user, ip))
                .flatMap(this::announce);
    }

    /** Stores the app's credentials and answers the consent address to send the administrator to. */
    public Mono<String> startBilibili(String name, String clientId, String appSecret, String returnUrl,
            ConsolePrincipal user, String ip) {
        return store(Channel.BILIBILI, name, clientId, appSecret, new Update().set("state", AccountState.NEEDS_REAUTH)
                .set("stateReason", "等待 B 站授权").unset("sealedAccessToken").unset("sealedRefreshToken")
                .unset("tokenExpiresAt"), user, ip)
                .flatMap(account -> consentUrl(returnUrl));
    }

    /** A fresh consent address for the stored app (re-connect); the state value guards the callback. */
    public Mono<String> consentUrl(String returnUrl) {
        byte[] nonce = new byte[24];
        random.nextBytes(nonce);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(Channel.BILIBILI.name())),
                        new Update().set("authorizationStateHash", Sha256.hex(state.getBytes()))
                                .set("authorizationStateExpiresAt", clock.instant().plus(AUTHORIZATION_VALID)),
                        FindAndModifyOptions.options().returnNew(true), ChannelAccount.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("请先填写 B 站应用的 client_id 和 app_secret")))
                .map(account -> bilibili.consentUrl(account.appId(), returnUrl, state));
    }

    /** Bilibili came back with a code: exchange it and store the token pair in one update. */
    public Mono<ChannelAccount> completeBilibili(String code, String state, ConsolePrincipal user, String ip) {
        String place = Channel.BILIBILI.name();
        Query pending = Query.query(Criteria.where("_id").is(place).and("authorizationStateHash")
                .is(state == null ? "" : Sha256.hex(state.getBytes())).and("authorizationStateExpiresAt").gt(clock.instant()));
        return mongo.findAndModify(pending, new Update().unset("authorizationStateHash").unset("authorizationStateExpiresAt"),
                        ChannelAccount.class)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.BAD_REQUEST, "授权已失效",
                        "B 站授权请求已过期或不是从本后台发起的，请重新点击“授权”")))
                .flatMap(account -> bilibili.exchangeCode(account.appId(), secrets.open(account.sealedAppSecret(),
                                place + ":appSecret"), code)
                        .onErrorMap(ChannelException.class, e -> new ProblemException(HttpStatus.BAD_GATEWAY,
                                "B 站授权未完成", e.getMessage())))
                .flatMap(grant -> mongo.findAndModify(Query.query(Criteria.where("_id").is(place)), new Update()
                                .set("sealedAccessToken", secrets.seal(grant.accessToken(), place + ":accessToken"))
                                .set("sealedRefreshToken", secrets.seal(grant.refreshToken(), place + ":refreshToken"))
                                .set("tokenExpiresAt", grant.expiresAt()).inc("tokenGeneration", 1)
                                .set("state", AccountState.CONNECTED).unset("stateReason")
                                .set("connectedBy", user.displayName()).set("connectedAt", clock.instant())
                                .set("updatedAt", clock.instant()),
                        FindAndModifyOptions.options().returnNew(true), ChannelAccount.class))
                .flatMap(account -> audit.record(user.username(), PublishingAction.AUTHORIZE_ACCOUNT, place, ip, account.name())
                        .thenReturn(account))
                .flatMap(this::announce);
    }

    public Mono<ChannelAccount> pause(Channel channel, boolean paused, ConsolePrincipal user, String ip) {
        return change(channel, new Update().set("paused", paused), user, ip,
                paused ? PublishingAction.PAUSE_CHANNEL : PublishingAction.RESUME_CHANNEL);
    }

    /** A disabled account takes no posts until it is connected again; its tokens are forgotten. */
    public Mono<ChannelAccount> disable(Channel channel, ConsolePrincipal user, String ip) {
        return change(channel, new Update().set("state", AccountState.DISABLED).set("stateReason", "由 " + user.displayName() + " 停用")
                .unset("sealedAccessToken").unset("sealedRefreshToken").unset("tokenExpiresAt"), user, ip,
                PublishingAction.DISABLE_ACCOUNT);
    }

    /** A refused token stayed refused after renewal: only an administrator can mend it (re-connect). */
    public Mono<Void> needsReauthorisation(Channel channel, String reason) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(channel.name()).and("state").is(AccountState.CONNECTED)),
                new Update().set("state", AccountState.NEEDS_REAUTH).set("stateReason", reason).set("updatedAt", clock.instant()),
                ChannelAccount.class).then();
    }

    private Mono<ChannelAccount> change(Channel channel, Update update, ConsolePrincipal user, String ip,
            PublishingAction action) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(channel.name())), update.set("updatedAt", clock.instant()),
                        FindAndModifyOptions.options().returnNew(true), ChannelAccount.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(channel.label() + "账号尚未连接")))
                .flatMap(account -> audit.record(user.username(), action, channel.name(), ip, null).thenReturn(account))
                .flatMap(this::announce);
    }

    private Mono<ChannelAccount> store(Channel channel, String name, String appId, String appSecret, Update update,
            ConsolePrincipal user, String ip) {
        if (appId == null || appId.isBlank() || appSecret == null || appSecret.isBlank()) {
            return Mono.error(new InvalidRequestException("appId", channel == Channel.WECHAT
                    ? "请填写公众号的 AppID 和 AppSecret" : "请填写 B 站应用的 client_id 和 app_secret"));
        }
        String place = channel.name();
        update.set("channel", channel).set("name", name == null || name.isBlank() ? channel.label() : name.strip())
                .set("appId", appId.strip()).set("sealedAppSecret", secrets.seal(appSecret.strip(), place + ":appSecret"))
                .inc("tokenGeneration", 1).setOnInsert("paused", false).unset("renewingUntil").unset("renewingOwner")
                .set("updatedAt", clock.instant());
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(place)), update,
                        FindAndModifyOptions.options().returnNew(true).upsert(true), ChannelAccount.class)
                .flatMap(account -> audit.record(user.username(), PublishingAction.CONNECT_ACCOUNT, place, ip, account.name())
                        .thenReturn(account));
    }

    private Mono<ChannelAccount> announce(ChannelAccount account) {
        if (account.state() == AccountState.CONNECTED && !account.paused()) {
            events.publishEvent(new ChannelAvailable(account.channel()));
        }
        return Mono.just(account);
    }
}
