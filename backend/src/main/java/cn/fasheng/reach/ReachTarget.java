package cn.fasheng.reach;

import java.util.Arrays;
import java.util.Optional;

/** What a public page is about, as its counting script names it. */
public enum ReachTarget {
    CONTENT("content", "栏目内容"),
    CONTEST("contest", "辩论赛"),
    SITE("site", "微景观");

    private final String code;
    private final String label;

    ReachTarget(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<ReachTarget> byCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
