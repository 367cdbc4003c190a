package cn.fasheng.debate;

/** The two sides of a Chinese-style debate. */
public enum Side {
    AFFIRMATIVE("正方"), NEGATIVE("反方");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Side other() {
        return this == AFFIRMATIVE ? NEGATIVE : AFFIRMATIVE;
    }
}
