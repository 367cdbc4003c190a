package cn.fasheng.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.account.AccountRequests.CreateUserRequest;
import cn.fasheng.account.AccountRequests.UpdateUserRequest;
import cn.fasheng.account.AccountViews.UserView;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.platform.web.ClientAddress;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Administration of console accounts. Every change is audited. */
@Service
public class UserService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final ConsoleSessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    UserService(UserRepository users, PasswordHasher hasher, ConsoleSessions sessions, LoginThrottle throttle,
            AuditLog audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    public Flux<UserView> list() {
        return users.findAllByOrderByCreatedAtAsc().map(UserView::of);
    }

    Mono<UserView> create(CreateUserRequest request, ConsolePrincipal actor, String ip) {
        String username = request.username().trim();
        Mono<User> created = hasher.hash(request.password())
                .map(hash -> newUser(username, request.displayName().trim(), hash, request.roles()))
                .flatMap(users::save)
                .onErrorMap(DuplicateKeyException.class, e -> taken(username));
        return users.findByUsername(username)
                .flatMap(existing -> Mono.<User>error(taken(username)))
                .switchIfEmpty(created)
                .flatMap(user -> audit.record(actor.username(), AccountAuditAction.USER_CREATED, username, ip,
                        "角色：" + labels(user.roles())).thenReturn(UserView.of(user)));
    }

    /** Creates an account outside any request: used for the first administrator. */
    Mono<User> createInitial(String username, String displayName, String password, Set<Role> roles) {
        return hasher.hash(password).map(hash -> newUser(username, displayName, hash, roles)).flatMap(users::save);
    }

    Mono<UserView> update(String id, UpdateUserRequest request, ConsolePrincipal actor, String ip) {
        return find(id).flatMap(user -> guardUpdate(user, request, actor).then(Mono.defer(() -> {
            User changed = user.withProfile(request.displayName().trim(), request.roles(), request.enabled(), now());
            Mono<Void> signOut = request.enabled() ? Mono.empty() : sessions.endAll(user.id());
            AccountAuditAction action = user.enabled() == request.enabled() ? AccountAuditAction.USER_UPDATED
                    : request.enabled() ? AccountAuditAction.USER_ENABLED : AccountAuditAction.USER_DISABLED;
            return users.save(changed)
                    .flatMap(saved -> keepAnAdministrator(user, saved))
                    .flatMap(saved -> signOut
                            .then(audit.record(actor.username(), action, saved.username(), ip,
                                    "角色：" + labels(saved.roles())))
                            .thenReturn(UserView.of(saved)));
        })));
    }

    // Two administrators demoting each other at the same moment both pass the guard; the later one undoes
    // its own change when it finds no enabled administrator left.
    private Mono<User> keepAnAdministrator(User before, User saved) {
        if (!before.isAdmin() || (saved.isAdmin() && saved.enabled())) {
            return Mono.just(saved);
        }
        return hasEnabledAdmin().flatMap(present -> present ? Mono.just(saved)
                : users.save(before.withVersion(saved.version()))
                        .then(Mono.error(new ConflictException("至少需要保留一名启用的管理员"))));
    }

    Mono<Void> resetPassword(String id, String newPassword, ConsolePrincipal actor, String ip) {
        return find(id).flatMap(user -> hasher.hash(newPassword)
                .flatMap(hash -> users.save(user.withPasswordHash(hash, now())))
                .flatMap(saved -> sessions.endAll(saved.id())
                        .then(throttle.clearAccount(saved.username()))
                        .then(audit.record(actor.username(), AccountAuditAction.PASSWORD_RESET, saved.username(), ip, null))));
    }

    /** Guessing the current password counts against the login throttle; other browsers are signed out. */
    Mono<Void> changeOwnPassword(ConsolePrincipal principal, String currentPassword, String newPassword,
            ServerWebExchange exchange) {
        String ip = ClientAddress.of(exchange);
        String key = LoginThrottle.key(principal.username(), ip);
        return throttle.attempt(key)
                .then(find(principal.userId()))
                .filterWhen(user -> hasher.matches(currentPassword, user.passwordHash()))
                .switchIfEmpty(Mono.error(new InvalidRequestException("currentPassword", "当前密码不正确")))
                .flatMap(user -> hasher.hash(newPassword).flatMap(hash -> users.save(user.withPasswordHash(hash, now()))))
                .flatMap(saved -> throttle.clear(key)
                        .then(sessions.endOthers(saved.id(), exchange))
                        .then(audit.record(saved.username(), AccountAuditAction.PASSWORD_CHANGED, saved.username(),
                                ip, null)));
    }

    Mono<User> find(String id) {
        return users.findById(id).switchIfEmpty(Mono.error(new NotFoundException("用户不存在或已被删除")));
    }

    Mono<Boolean> hasEnabledAdmin() {
        return users.findByRolesContainingAndEnabledTrue(Role.ADMIN).hasElements();
    }

    // An administrator cannot lock themselves out, and the console always keeps one enabled administrator.
    private Mono<Void> guardUpdate(User user, UpdateUserRequest request, ConsolePrincipal actor) {
        boolean self = user.id().equals(actor.userId());
        if (self && !request.enabled()) {
            return Mono.error(new InvalidRequestException("enabled", "不能停用自己的账号"));
        }
        if (self && user.isAdmin() && !request.roles().contains(Role.ADMIN)) {
            return Mono.error(new InvalidRequestException("roles", "不能取消自己的管理员角色"));
        }
        boolean losesAdmin = user.isAdmin() && user.enabled()
                && (!request.roles().contains(Role.ADMIN) || !request.enabled());
        if (!losesAdmin) {
            return Mono.empty();
        }
        return users.findByRolesContainingAndEnabledTrue(Role.ADMIN).count()
                .flatMap(admins -> admins <= 1
                        ? Mono.error(new ConflictException("至少需要保留一名启用的管理员"))
                        : Mono.empty());
    }

    private User newUser(String username, String displayName, String hash, Set<Role> roles) {
        Instant now = now();
        return new User(null, username, displayName, hash, Set.copyOf(roles), true, now, now, null, null);
    }

    private static ConflictException taken(String username) {
        return new ConflictException("用户名 " + username + " 已被使用");
    }

    private static String labels(Set<Role> roles) {
        return String.join("、", roles.stream().sorted().map(Role::label).toList());
    }

    private Instant now() {
        return clock.instant();
    }
}
