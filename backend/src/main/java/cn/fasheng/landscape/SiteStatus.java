package cn.fasheng.landscape;

/** Whether visitors can go there now. */
public enum SiteStatus {
    OPEN("开放"),
    RENOVATING("改造中"),
    CLOSED("已关闭");

    private final String label;

    SiteStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SiteStatus ofLabel(String text) {
        for (SiteStatus status : values()) {
            if (status.label.equals(text) || status.name().equalsIgnoreCase(text)) {
                return status;
            }
        }
        return null;
    }
}
