package cn.fasheng.account;

public enum Role {
    EDITOR("编辑"),
    REVIEWER("审核"),
    ADMIN("管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
