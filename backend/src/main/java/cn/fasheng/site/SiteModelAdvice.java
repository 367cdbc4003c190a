package cn.fasheng.site;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.platform.PlatformProperties;
import cn.fasheng.platform.web.FrontendAssets;

/** What every public page's layout needs: identity, footer items, the 适老化 state and the built assets. */
@ControllerAdvice(annotations = PublicSitePage.class)
public class SiteModelAdvice {

    private final SiteProperties site;
    private final FrontendAssets assets;
    private final String publicBaseUrl;

    public SiteModelAdvice(SiteProperties site, FrontendAssets assets, PlatformProperties platform) {
        this.site = site;
        this.assets = assets;
        String base = platform.publicBaseUrl();
        this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The page's address without its query, as search engines should index it. */
    @ModelAttribute("canonical")
    public String canonical(ServerWebExchange exchange) {
        return publicBaseUrl + exchange.getRequest().getPath().pathWithinApplication().value();
    }

    @ModelAttribute("publicBaseUrl")
    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    @ModelAttribute("site")
    public SiteProperties site() {
        return site;
    }

    @ModelAttribute("assets")
    public FrontendAssets.Entry assets() {
        return assets.entry("src/site/main.ts");
    }

    @ModelAttribute("elder")
    public boolean elder(ServerWebExchange exchange) {
        return ElderPreference.isOn(exchange);
    }

    @ModelAttribute("currentPath")
    public String currentPath(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value();
    }
}
