package cn.fasheng.publishing;

/** A third-party channel the column cross-posts to. */
public enum Channel {
    BILIBILI("哔哩哔哩"),
    WECHAT("微信公众号");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
