package cn.fasheng.account;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import cn.fasheng.platform.error.ProblemResponses;
import reactor.core.publisher.Mono;

/**
 * Console routes need a role; public pages and the public API are open. Sessions live in MongoDB
 * ({@link ConsoleSessions}); the console echoes the XSRF-TOKEN cookie in a header (double submit).
 */
@Configuration
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfig {

    private static final String[] EDITORIAL_ROLES = {"EDITOR", "REVIEWER", "ADMIN"};
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: https:%s; media-src 'self' blob: https:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

    /** The policy, letting the micro-landscape map load its configured tiles also from a plain-http internal server. */
    static String contentSecurityPolicy(String tileUrl) {
        java.util.regex.Matcher origin = java.util.regex.Pattern.compile("^(http://[^/{}\\s;']+)").matcher(tileUrl == null ? "" : tileUrl);
        return String.format(CONTENT_SECURITY_POLICY, origin.find() ? " " + origin.group(1) : "");
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ConsoleSessions sessions,
            ProblemResponses problems, @org.springframework.beans.factory.annotation.Value("${fasheng.landscape.tile-url:}") String tileUrl) {
        return http
                .securityContextRepository(sessions)
                .addFilterAfter(csrfCookieWriter(), SecurityWebFiltersOrder.CSRF)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new HeaderOnlyCsrfTokenHandler())
                        // Channel webhooks come from the channels' servers, not from a browser session.
                        .requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
                                CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                                new NegatedServerWebExchangeMatcher(new PathPatternParserServerWebExchangeMatcher("/api/channels/**"))))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "安全校验失败", "页面已过期或缺少安全令牌，请刷新页面后重试")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tileUrl)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/console/auth/login").permitAll()
                        .pathMatchers("/api/console/users/**", "/api/console/users", "/api/console/audit/**",
                                "/api/console/audit", "/api/console/media-consistency",
                                "/api/console/media-consistency/**").hasRole("ADMIN")
                        // Connecting and disabling channel accounts is for administrators; pausing also for reviewers.
                        .pathMatchers(HttpMethod.PUT, "/api/console/channels/*").hasRole("ADMIN")
                        .pathMatchers("/api/console/channels/bilibili/consent", "/api/console/channels/bilibili/callback",
                                "/api/console/channels/*/disable").hasRole("ADMIN")
                        .pathMatchers("/api/console/channels/*/pause").hasAnyRole("REVIEWER", "ADMIN")
                        .pathMatchers("/api/console/**").hasAnyRole(EDITORIAL_ROLES)
                        .pathMatchers("/v3/api-docs*", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/**").hasRole("ADMIN")
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .anyExchange().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "未登录或登录已失效", "请先登录编辑后台"))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "没有权限", "您的账号没有执行此操作的权限")))
                .build();
    }

    /**
     * The token is taken from the X-XSRF-TOKEN header only, never from a form field: a sibling site under
     * the same registrable domain could plant the cookie and post a plain form, but cannot set a header.
     */
    static final class HeaderOnlyCsrfTokenHandler extends ServerCsrfTokenRequestAttributeHandler {

        @Override
        public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
            return Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName()));
        }
    }

    /**
     * The CSRF cookie is only written when the token is read; the console needs it before its first POST,
     * which is usually after a 401 from /me, so this runs inside the chain, before authorization.
     */
    private static WebFilter csrfCookieWriter() {
        PathPatternParserServerWebExchangeMatcher console = new PathPatternParserServerWebExchangeMatcher("/api/console/**");
        return (exchange, chain) -> console.matches(exchange).flatMap(match -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return match.isMatch() && token != null ? token.then(chain.filter(exchange)) : chain.filter(exchange);
        });
    }
}
