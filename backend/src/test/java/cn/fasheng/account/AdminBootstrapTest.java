package cn.fasheng.account;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import cn.fasheng.audit.AuditLog;
import cn.fasheng.platform.PlatformProperties;
import cn.fasheng.platform.embedded.EmbeddedStoresConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** First start without FASHENG_ADMIN_PASSWORD: a random password, printed once, and no default one. */
@DataMongoTest(properties = {"fasheng.data-dir=test-data/bootstrap-${random.uuid}",
        "fasheng.accounts.admin-username=chief"})
@Import({EmbeddedStoresConfig.Mongo.class, AdminBootstrap.class, UserService.class, PasswordHasher.class,
        ConsoleSessions.class, LoginThrottle.class, AuditLog.class, AdminBootstrapTest.Clocks.class})
@EnableConfigurationProperties({PlatformProperties.class, AccountProperties.class})
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    @TestConfiguration
    static class Clocks {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    UserRepository users;

    @Autowired
    PasswordHasher hasher;

    @Test
    void createsOneAdministratorWithARandomPasswordPrintedOnce(CapturedOutput output) {
        bootstrap.run(new DefaultApplicationArguments());
        Matcher printed = Pattern.compile("已创建初始管理员账号 chief，随机密码：(\\S+)").matcher(output.getOut());
        assertThat(printed.find()).isTrue();
        String password = printed.group(1);
        assertThat(password).hasSize(18);

        User chief = users.findByUsername("chief").block();
        assertThat(chief.roles()).containsExactly(Role.ADMIN);
        assertThat(chief.passwordHash()).doesNotContain(password).startsWith("$2");
        assertThat(hasher.matches(password, chief.passwordHash()).block()).isTrue();

        bootstrap.run(new DefaultApplicationArguments());
        assertThat(users.count().block()).isEqualTo(1);
        assertThat(output.getOut().split("随机密码", -1)).hasSize(2);
    }
}
