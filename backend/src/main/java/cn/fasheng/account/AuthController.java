package cn.fasheng.account;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.account.AccountRequests.ChangePasswordRequest;
import cn.fasheng.account.AccountRequests.LoginRequest;
import cn.fasheng.account.AccountViews.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@Tag(name = "登录")
@RestController
@RequestMapping("/api/console/auth")
public class AuthController {

    private final LoginService login;
    private final UserService users;

    AuthController(LoginService login, UserService users) {
        this.login = login;
        this.users = users;
    }

    @Operation(summary = "登录（成功后下发会话 Cookie）")
    @PostMapping("/login")
    public Mono<CurrentUser> login(@Valid @RequestBody LoginRequest request, ServerWebExchange exchange) {
        return login.login(request.username(), request.password(), exchange)
                .map(user -> CurrentUser.of(ConsolePrincipal.of(user)));
    }

    @Operation(summary = "退出登录")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> logout(@AuthenticationPrincipal ConsolePrincipal principal, ServerWebExchange exchange) {
        return login.logout(principal, exchange);
    }

    @Operation(summary = "当前登录用户")
    @GetMapping("/me")
    public Mono<CurrentUser> me(@AuthenticationPrincipal ConsolePrincipal principal) {
        return Mono.just(CurrentUser.of(principal));
    }

    @Operation(summary = "修改本人密码（其他浏览器中的登录随之失效）")
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> changePassword(@Valid @RequestBody ChangePasswordRequest request,
            @AuthenticationPrincipal ConsolePrincipal principal, ServerWebExchange exchange) {
        return users.changeOwnPassword(principal, request.currentPassword(), request.newPassword(), exchange);
    }
}
