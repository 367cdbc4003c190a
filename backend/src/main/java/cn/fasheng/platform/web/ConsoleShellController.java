package cn.fasheng.platform.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Hidden;

/** Serves the editor console's single-page shell for every client-side route under /console/. */
@Hidden
@Controller
public class ConsoleShellController {

    private final FrontendAssets assets;

    public ConsoleShellController(FrontendAssets assets) {
        this.assets = assets;
    }

    @GetMapping({"/console", "/console/", "/console/**"})
    public String console(Model model, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("assets", assets.entry("src/console/main.ts"));
        return "console";
    }
}
