package cn.fasheng.content;

public enum ContentState {
    DRAFT("草稿"),
    IN_REVIEW("待审"),
    REJECTED("已退回"),
    APPROVED("已通过"),
    SCHEDULED("已排期"),
    PUBLISHED("已发布"),
    ARCHIVED("已下线");

    private final String label;

    ContentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** States in which the text may be changed; anything further along must be withdrawn first. */
    public boolean editable() {
        return this == DRAFT || this == REJECTED;
    }
}
