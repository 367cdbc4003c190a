package cn.fasheng.support;

public final class TestAccounts {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private TestAccounts() {
    }
}
