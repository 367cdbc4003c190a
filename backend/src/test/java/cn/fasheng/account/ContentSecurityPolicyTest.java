package cn.fasheng.account;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The map's tiles may come from an internal plain-http server; nothing else widens the policy. */
class ContentSecurityPolicyTest {

    @Test
    void aPlainHttpTileServerIsAllowedForImagesOnly() {
        String policy = SecurityConfig.contentSecurityPolicy("http://tiles.district.internal:8080/{z}/{x}/{y}.png");
        assertThat(policy).contains("img-src 'self' data: https: http://tiles.district.internal:8080;");
        assertThat(policy).contains("connect-src 'self';").contains("script-src 'self';");
    }

    @Test
    void withoutTilesOrWithHttpsTilesThePolicyIsUnchanged() {
        String plain = SecurityConfig.contentSecurityPolicy("");
        assertThat(plain).contains("img-src 'self' data: https:;");
        assertThat(SecurityConfig.contentSecurityPolicy("https://t0.tianditu.gov.cn/{z}/{x}/{y}")).isEqualTo(plain);
        assertThat(SecurityConfig.contentSecurityPolicy("http://evil.example; script-src *")).doesNotContain("script-src *");
    }
}
