package cn.fasheng.publishing;

public enum AccountState {
    CONNECTED("已连接"),
    /** The channel refused the credentials (never set for outages or rate limits): an administrator re-connects. */
    NEEDS_REAUTH("需要重新授权"),
    DISABLED("已停用");

    private final String label;

    AccountState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
