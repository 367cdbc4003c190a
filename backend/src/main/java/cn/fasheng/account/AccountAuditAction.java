package cn.fasheng.account;

import cn.fasheng.audit.AuditAction;

enum AccountAuditAction implements AuditAction {
    LOGIN("登录"),
    LOGIN_FAILED("登录失败"),
    LOGIN_THROTTLED("登录被限制"),
    LOGOUT("退出登录"),
    USER_CREATED("创建用户"),
    USER_UPDATED("修改用户"),
    USER_DISABLED("停用用户"),
    USER_ENABLED("启用用户"),
    PASSWORD_RESET("重置密码"),
    PASSWORD_CHANGED("修改本人密码"),
    ADMIN_BOOTSTRAPPED("创建初始管理员");

    private final String label;

    AccountAuditAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
