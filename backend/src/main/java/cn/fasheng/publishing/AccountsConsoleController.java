package cn.fasheng.publishing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.platform.web.ClientAddress;
import cn.fasheng.publishing.PublishingRequests.ConnectAccount;
import cn.fasheng.publishing.PublishingRequests.Pause;
import cn.fasheng.publishing.PublishingViews.AccountView;
import cn.fasheng.publishing.PublishingViews.Consent;
import cn.fasheng.publishing.bilibili.BilibiliCategories;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** Channel accounts: everyone on the console sees their state; administrators connect and disable them. */
@Tag(name = "渠道账号")
@RestController
@RequestMapping("/api/console/channels")
public class AccountsConsoleController {

    private final ChannelAccounts accounts;
    private final BilibiliCategories categories;
    private final String basePath;

    AccountsConsoleController(ChannelAccounts accounts, BilibiliCategories categories,
            @Value("${spring.webflux.base-path:}") String basePath) {
        this.accounts = accounts;
        this.categories = categories;
        this.basePath = basePath == null ? "" : basePath;
    }

    @Operation(summary = "各渠道账号的状态")
    @GetMapping
    public Mono<List<AccountView>> list() {
        return accounts.all().collectList().map(all -> {
            Map<Channel, ChannelAccount> byChannel = all.stream().collect(Collectors.toMap(ChannelAccount::channel, Function.identity()));
            return java.util.Arrays.stream(Channel.values()).map(c -> AccountView.of(c, byChannel.get(c))).toList();
        });
    }

    @Operation(summary = "连接微信公众号（AppID + AppSecret，保存前向微信校验）")
    @PutMapping("/wechat")
    public Mono<AccountView> connectWechat(@Valid @RequestBody ConnectAccount request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return accounts.connectWechat(request.name(), request.appId(), request.appSecret(), user, ClientAddress.of(exchange))
                .map(a -> AccountView.of(Channel.WECHAT, a));
    }

    @Operation(summary = "保存 B 站应用凭据，返回授权页地址")
    @PutMapping("/bilibili")
    public Mono<Consent> connectBilibili(@Valid @RequestBody ConnectAccount request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return accounts.startBilibili(request.name(), request.appId(), request.appSecret(), callback(exchange.getRequest()),
                user, ClientAddress.of(exchange)).map(Consent::new);
    }

    @Operation(summary = "重新授权 B 站账号：返回授权页地址")
    @PostMapping("/bilibili/consent")
    public Mono<Consent> consent(ServerWebExchange exchange) {
        return accounts.consentUrl(callback(exchange.getRequest())).map(Consent::new);
    }

    /** Bilibili sends the administrator's browser back here; the console page then shows the outcome. */
    @Hidden
    @GetMapping("/bilibili/callback")
    public Mono<ResponseEntity<Void>> callback(@RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        String accountsPage = basePath + "/console/publishing/accounts";
        if (code == null || code.isBlank()) {
            return Mono.just(redirect(accountsPage, "error", "B 站未返回授权码：授权已取消"));
        }
        return accounts.completeBilibili(code, state, user, ClientAddress.of(exchange))
                .map(a -> redirect(accountsPage, "connected", "BILIBILI"))
                .onErrorResume(cn.fasheng.platform.error.ProblemException.class,
                        e -> Mono.just(redirect(accountsPage, "error", e.getMessage())));
    }

    @Operation(summary = "暂停或恢复一个渠道的发布（暂停期间到期的发布等待恢复）")
    @PostMapping("/{channel}/pause")
    public Mono<AccountView> pause(@PathVariable Channel channel, @RequestBody Pause request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return accounts.pause(channel, request.paused(), user, ClientAddress.of(exchange)).map(a -> AccountView.of(channel, a));
    }

    @Operation(summary = "停用渠道账号（清除令牌，须重新连接）")
    @PostMapping("/{channel}/disable")
    public Mono<AccountView> disable(@PathVariable Channel channel, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return accounts.disable(channel, user, ClientAddress.of(exchange)).map(a -> AccountView.of(channel, a));
    }

    @Operation(summary = "B 站分区列表（缓存一天）")
    @GetMapping("/bilibili/categories")
    public Mono<List<BilibiliCategories.Category>> bilibiliCategories() {
        return categories.list();
    }

    /** Back to the address the administrator is using (an internal host name, say), not necessarily the public one. */
    private String callback(ServerHttpRequest request) {
        URI uri = request.getURI();
        return UriComponentsBuilder.newInstance().scheme(uri.getScheme()).host(uri.getHost()).port(uri.getPort())
                .path(basePath + "/api/console/channels/bilibili/callback").build().toUriString();
    }

    private static ResponseEntity<Void> redirect(String page, String key, String value) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(UriComponentsBuilder.fromPath(page)
                .queryParam(key, value).encode().build().toUri()).build();
    }
}
