package cn.fasheng.site;

import java.time.Duration;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

/** The 适老化 display preference, kept in a cookie so pages arrive already enlarged, even without scripts. */
public final class ElderPreference {

    public static final String COOKIE = "fs_elder";

    private ElderPreference() {
    }

    public static boolean isOn(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        return cookie != null && "1".equals(cookie.getValue());
    }

    public static ResponseCookie cookie(boolean on, String contextPath) {
        return ResponseCookie.from(COOKIE, on ? "1" : "0")
                .path(contextPath.isEmpty() ? "/" : contextPath)
                .maxAge(Duration.ofDays(365))
                .sameSite("Lax")
                .build();
    }
}
