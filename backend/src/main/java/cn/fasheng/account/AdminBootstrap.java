package cn.fasheng.account;

import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
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
    private final ReactiveMongoTemplate mongo;

    AdminBootstrap(UserService users, AccountProperties properties, AuditLog audit, ReactiveMongoTemplate mongo) {
        this.users = users;
        this.properties = properties;
        this.audit = audit;
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = properties.adminPassword();
        if (configured != null && !configured.isBlank() && !PasswordRule.Validator.isAcceptable(configured)) {
            throw new IllegalStateException("FASHENG_ADMIN_PASSWORD 不符合密码规则：至少 10 个字符，且不超过 72 字节");
        }
        // Index creation from the mapping is fire-and-forget; instances starting together on a fresh
        // database must find the unique index in place before either inserts the administrator.
        mongo.indexOps(User.class).createIndex(new Index("username", Sort.Direction.ASC).named("username").unique())
                .then(users.hasEnabledAdmin())
                .flatMap(present -> present ? Mono.empty() : create())
                .block();
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
                .onErrorResume(DuplicateKeyException.class, e -> {
                    log.warn("未创建初始管理员：用户名 {} 已存在（另一实例刚创建了它，或该账号已停用或不是管理员）", username);
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
