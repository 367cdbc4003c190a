package cn.fasheng.platform.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/** Pages tell their scripts the base path (e.g. /fsay) so client-side links and API calls stay under it. */
@ControllerAdvice
public class BasePathAdvice {

    @ModelAttribute("basePath")
    public String basePath(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().contextPath().value();
    }
}
