package cn.fasheng.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.platform.web.ClientAddress;
import reactor.core.publisher.Mono;

/**
 * Cookie sessions of the console, stored in MongoDB. The user is re-read on every request, so disabling
 * an account or changing its roles takes effect at once on every instance.
 */
@Component
public class ConsoleSessions implements ServerSecurityContextRepository {

    static final String COOKIE = "FASHENG_SESSION";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ConsoleSessionRepository sessions;
    private final UserRepository users;
    private final AccountProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final ReactiveMongoTemplate mongo;

    ConsoleSessions(ConsoleSessionRepository sessions, UserRepository users, AccountProperties properties, Clock clock,
            ReactiveMongoTemplate mongo) {
        this.sessions = sessions;
        this.mongo = mongo;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a session for a user who has just proved who they are. */
    Mono<Void> start(ServerWebExchange exchange, User user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        ConsoleSession session = new ConsoleSession(hash(token), user.id(), now, now, ClientAddress.of(exchange));
        return purgeExpired(now).then(sessions.save(session))
                .doOnSuccess(saved -> exchange.getResponse().addCookie(cookie(exchange, token, properties.sessionMaxAge())))
                .then();
    }

    /** Ends the session of this browser, if any. */
    Mono<Void> end(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie(exchange, "", Duration.ZERO));
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        return cookie == null ? Mono.empty() : sessions.deleteById(hash(cookie.getValue()));
    }

    /** Signs a user out everywhere, e.g. after their account was disabled or their password reset. */
    Mono<Void> endAll(String userId) {
        return sessions.deleteByUserId(userId);
    }

    /** Signs a user out of every other browser, e.g. after they changed their own password. */
    Mono<Void> endOthers(String userId, ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        Criteria others = Criteria.where("userId").is(userId);
        if (cookie != null) {
            others = others.and("_id").ne(hash(cookie.getValue()));
        }
        return mongo.remove(Query.query(others), ConsoleSession.class).then();
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        if (context == null || context.getAuthentication() == null) {
            return end(exchange);
        }
        ConsolePrincipal principal = (ConsolePrincipal) context.getAuthentication().getPrincipal();
        return users.findById(principal.userId()).flatMap(user -> start(exchange, user));
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return sessions.findById(hash(cookie.getValue()))
                .filter(session -> isLive(session, now))
                .flatMap(session -> users.findById(session.userId())
                        .filter(User::enabled)
                        .flatMap(user -> touch(session, now).thenReturn(context(user))));
    }

    private boolean isLive(ConsoleSession session, Instant now) {
        return session.lastSeenAt().plus(properties.sessionIdleTimeout()).isAfter(now)
                && session.createdAt().plus(properties.sessionMaxAge()).isAfter(now);
    }

    // Writing on every request would double the load of each console call; a minute's precision is enough.
    // An update, never an upsert: a session ended meanwhile (password reset) must stay ended.
    private Mono<Void> touch(ConsoleSession session, Instant now) {
        if (!session.lastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
            return Mono.empty();
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(session.tokenHash())),
                Update.update("lastSeenAt", now), ConsoleSession.class).then();
    }

    private Mono<Void> purgeExpired(Instant now) {
        Criteria expired = new Criteria().orOperator(
                Criteria.where("lastSeenAt").lt(now.minus(properties.sessionIdleTimeout())),
                Criteria.where("createdAt").lt(now.minus(properties.sessionMaxAge())));
        return mongo.remove(Query.query(expired), ConsoleSession.class).then();
    }

    private static SecurityContext context(User user) {
        List<SimpleGrantedAuthority> authorities = user.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        return new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(ConsolePrincipal.of(user), null, authorities));
    }

    private ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
        String path = exchange.getRequest().getPath().contextPath().value();
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(properties.secureCookie())
                .sameSite("Lax")
                .path(path.isEmpty() ? "/" : path)
                .maxAge(maxAge)
                .build();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
