package cn.fasheng.site;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Hidden;

/** Server-rendered public pages: complete HTML for crawlers, old phones and screen readers. */
@Hidden
@Controller
@PublicSitePage
public class PublicPageController {

    @GetMapping("/about")
    public String about(Model model) {
        model.addAttribute("nav", "about");
        return "site/about";
    }

    /** The no-script path of the 适老化 switch: set the preference and go back to the page. */
    @GetMapping("/preferences/elder")
    public ResponseEntity<Void> elder(@RequestParam(defaultValue = "1") String on,
            @RequestParam(defaultValue = "/") String back, ServerWebExchange exchange) {
        String contextPath = exchange.getRequest().getPath().contextPath().value();
        String target = isLocalPath(back) ? back : "/";
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.SET_COOKIE, ElderPreference.cookie("1".equals(on), contextPath).toString())
                .location(URI.create(contextPath + target))
                .build();
    }

    private static boolean isLocalPath(String path) {
        return path.matches("/[A-Za-z0-9._~/?&=%-]*") && !path.startsWith("//");
    }
}
