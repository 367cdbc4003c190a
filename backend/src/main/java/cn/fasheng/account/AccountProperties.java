package cn.fasheng.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminUsername      first administrator, created on first start when no administrator exists
 * @param adminPassword      its password; when blank a random one is generated and printed once
 * @param maxLoginFailures   failed logins allowed per account and address within {@code loginFailureWindow}
 * @param sessionIdleTimeout a console session ends after this long without a request
 * @param sessionMaxAge      and in any case after this long
 * @param secureCookie       send the session cookie only over HTTPS (on in production)
 */
@ConfigurationProperties("fasheng.accounts")
public record AccountProperties(
        String adminUsername,
        String adminPassword,
        int maxLoginFailures,
        Duration loginFailureWindow,
        Duration sessionIdleTimeout,
        Duration sessionMaxAge,
        boolean secureCookie) {

    public AccountProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername.trim();
        maxLoginFailures = maxLoginFailures <= 0 ? 10 : maxLoginFailures;
        loginFailureWindow = loginFailureWindow == null ? Duration.ofMinutes(15) : loginFailureWindow;
        sessionIdleTimeout = sessionIdleTimeout == null ? Duration.ofHours(8) : sessionIdleTimeout;
        sessionMaxAge = sessionMaxAge == null ? Duration.ofDays(7) : sessionMaxAge;
    }
}
