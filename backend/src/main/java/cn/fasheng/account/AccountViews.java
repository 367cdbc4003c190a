package cn.fasheng.account;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the console sees of accounts; never the password hash. */
public final class AccountViews {

    private AccountViews() {
    }

    @Schema(requiredProperties = {"id", "username", "displayName", "roles"})
    public record CurrentUser(String id, String username, String displayName, List<Role> roles) {

        static CurrentUser of(ConsolePrincipal principal) {
            return new CurrentUser(principal.userId(), principal.username(), principal.displayName(),
                    principal.roles().stream().sorted().toList());
        }
    }

    @Schema(requiredProperties = {"id", "username", "displayName", "roles", "enabled", "createdAt"})
    public record UserView(String id, String username, String displayName, List<Role> roles, boolean enabled,
            Instant createdAt, Instant lastLoginAt) {

        static UserView of(User user) {
            return new UserView(user.id(), user.username(), user.displayName(), user.roles().stream().sorted().toList(),
                    user.enabled(), user.createdAt(), user.lastLoginAt());
        }
    }
}
