package cn.fasheng.account;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.audit.AuditLog;
import cn.fasheng.platform.error.TooManyRequestsException;
import cn.fasheng.platform.error.UnauthorizedException;
import cn.fasheng.platform.web.ClientAddress;
import reactor.core.publisher.Mono;

@Service
class LoginService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final ConsoleSessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    LoginService(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, ConsoleSessions sessions,
            AuditLog audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<User> login(String username, String password, ServerWebExchange exchange) {
        String ip = ClientAddress.of(exchange);
        String key = LoginThrottle.key(username, ip);
        // One BCrypt comparison whether or not the account exists, so timing does not reveal usernames.
        Mono<User> verified = users.findByUsername(username.trim())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> hasher.matches(password, found.map(User::passwordHash).orElse(null))
                        .flatMap(ok -> Mono.justOrEmpty(found.filter(user -> ok && user.enabled()))));
        return throttle.attempt(key)
                .onErrorResume(TooManyRequestsException.class,
                        e -> audit.record(username, AccountAuditAction.LOGIN_THROTTLED, username, ip, null)
                                .then(Mono.error(e)))
                .then(verified)
                .switchIfEmpty(audit.record(username, AccountAuditAction.LOGIN_FAILED, username, ip, null)
                        .then(Mono.error(new UnauthorizedException("用户名或密码错误，或账号已停用"))))
                .flatMap(user -> throttle.clear(key)
                        .then(users.save(user.withLastLoginAt(clock.instant())))
                        .flatMap(saved -> sessions.start(exchange, saved)
                                .then(audit.record(saved.username(), AccountAuditAction.LOGIN, saved.username(), ip, null))
                                .thenReturn(saved)));
    }

    Mono<Void> logout(ConsolePrincipal principal, ServerWebExchange exchange) {
        Mono<Void> recorded = principal == null ? Mono.empty()
                : audit.record(principal.username(), AccountAuditAction.LOGOUT, principal.username(),
                        ClientAddress.of(exchange), null);
        return sessions.end(exchange).then(recorded);
    }
}
