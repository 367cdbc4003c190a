package cn.fasheng.site;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.platform.web.FrontendAssets;

/** What every public page's layout needs: identity, footer items, the 适老化 state and the built assets. */
@ControllerAdvice(assignableTypes = PublicPageController.class)
public class SiteModelAdvice {

    private final SiteProperties site;
    private final FrontendAssets assets;

    public SiteModelAdvice(SiteProperties site, FrontendAssets assets) {
        this.site = site;
        this.assets = assets;
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
