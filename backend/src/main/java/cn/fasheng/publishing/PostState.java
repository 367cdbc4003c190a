package cn.fasheng.publishing;

public enum PostState {
    SCHEDULED("已排期"),
    POSTING("发布中"),
    /** Submitted; the channel's own review decides. */
    IN_REVIEW("平台审核中"),
    PUBLISHED("已发布"),
    /** The channel's review turned it down. */
    REJECTED("平台未通过"),
    FAILED("发布失败"),
    /** Waiting for its channel: paused, disabled or in need of re-authorisation. Runs when the channel is back. */
    HELD("等待渠道恢复");

    private final String label;

    PostState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** An editor may still change, move or cancel it: nothing is in flight on the channel. */
    public boolean editable() {
        return this == SCHEDULED || this == HELD || this == FAILED;
    }

    public boolean finished() {
        return this == PUBLISHED || this == REJECTED;
    }

    /** Its record may be removed (cancelled, or a rejection cleared so that the item can be posted again). */
    public boolean removable() {
        return editable() || this == REJECTED;
    }
}
