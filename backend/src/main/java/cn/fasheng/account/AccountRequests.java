package cn.fasheng.account;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the account routes, with the messages a person reads when a field is wrong. */
public final class AccountRequests {

    private AccountRequests() {
    }

    public record LoginRequest(
            @NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名过长") String username,
            @NotBlank(message = "请输入密码") @Size(max = 128, message = "密码过长") String password) {
    }

    public record CreateUserRequest(
            @NotBlank(message = "用户名不能为空")
            @Pattern(regexp = "^[A-Za-z0-9_.-]{3,32}$", message = "用户名应为 3 到 32 位字母、数字、下划线、点或连字符")
            String username,
            @NotBlank(message = "姓名不能为空") @Size(max = 40, message = "姓名不能超过 40 个字") String displayName,
            @NotNull(message = "请设置初始密码") @PasswordRule String password,
            @NotEmpty(message = "至少选择一个角色") Set<@NotNull(message = "角色无效") Role> roles) {
    }

    public record UpdateUserRequest(
            @NotBlank(message = "姓名不能为空") @Size(max = 40, message = "姓名不能超过 40 个字") String displayName,
            @NotEmpty(message = "至少选择一个角色") Set<@NotNull(message = "角色无效") Role> roles,
            @NotNull(message = "请指明是否启用") Boolean enabled) {
    }

    public record ResetPasswordRequest(
            @NotNull(message = "请输入新密码") @PasswordRule String newPassword) {
    }

    public record ChangePasswordRequest(
            @NotBlank(message = "请输入当前密码") @Size(max = 128, message = "密码过长") String currentPassword,
            @NotNull(message = "请输入新密码") @PasswordRule String newPassword) {
    }
}
