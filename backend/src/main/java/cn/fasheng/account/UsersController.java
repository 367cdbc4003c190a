package cn.fasheng.account;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.account.AccountRequests.CreateUserRequest;
import cn.fasheng.account.AccountRequests.ResetPasswordRequest;
import cn.fasheng.account.AccountRequests.UpdateUserRequest;
import cn.fasheng.account.AccountViews.UserView;
import cn.fasheng.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "用户管理")
@RestController
@RequestMapping("/api/console/users")
@PreAuthorize("hasRole('ADMIN')")
public class UsersController {

    private final UserService users;

    UsersController(UserService users) {
        this.users = users;
    }

    @Operation(summary = "列出全部用户")
    @GetMapping
    public Flux<UserView> list() {
        return users.list();
    }

    @Operation(summary = "新建用户")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<UserView> create(@Valid @RequestBody CreateUserRequest request,
            @AuthenticationPrincipal ConsolePrincipal actor, ServerWebExchange exchange) {
        return users.create(request, actor, ClientAddress.of(exchange));
    }

    @Operation(summary = "修改姓名、角色或启用状态")
    @PutMapping("/{id}")
    public Mono<UserView> update(@PathVariable String id, @Valid @RequestBody UpdateUserRequest request,
            @AuthenticationPrincipal ConsolePrincipal actor, ServerWebExchange exchange) {
        return users.update(id, request, actor, ClientAddress.of(exchange));
    }

    @Operation(summary = "重置用户密码（该用户的所有登录会话随之失效）")
    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> resetPassword(@PathVariable String id, @Valid @RequestBody ResetPasswordRequest request,
            @AuthenticationPrincipal ConsolePrincipal actor, ServerWebExchange exchange) {
        return users.resetPassword(id, request.newPassword(), actor, ClientAddress.of(exchange));
    }
}
