package cn.fasheng.account;

import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.fasheng.audit.AuditLog;
import reactor.core.publisher.Mono;

/**
 * On a store without an enabled administrator, creates one. There is no default password: it comes from
 * FASHENG_ADMIN_PASSWORD or is generated and printed once.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserService users;
    private final AccountProperties properties;
    private final AuditLog audit;

    AdminBootstrap(UserService users, AccountProperties properties, AuditLog audit) {
        this.users = users;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.hasEnabledAdmin().flatMap(present -> present ? Mono.empty() : create()).block();
    }

    private Mono<Void> create() {
        String username = properties.adminUsername();
        boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
        String password = generated ? randomPassword() : properties.adminPassword();
        return users.createInitial(username, "系统管理员", password, Set.of(Role.ADMIN))
                .doOnNext(user -> {
                    if (generated) {
                        log.warn("已创建初始管理员账号 {}，随机密码：{} （只显示这一次，请登录后立即修改）", username, password);
                    }
                    else {
                        log.info("已按 FASHENG_ADMIN_USERNAME / FASHENG_ADMIN_PASSWORD 创建初始管理员账号 {}", username);
                    }
                })
                .flatMap(user -> audit.record("system", AccountAuditAction.ADMIN_BOOTSTRAPPED, username, "-", null))
                // Another instance starting at the same moment created it first; the unique index decided.
                .onErrorResume(DuplicateKeyException.class, e -> {
                    log.warn("用户名 {} 已存在但不是启用的管理员，未创建初始管理员；请用已有管理员账号处理", username);
                    return Mono.empty();
                });
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 18; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
