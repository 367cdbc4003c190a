package cn.fasheng.content;

import java.util.Arrays;
import java.util.Optional;

/** What a content item is; each kind has its own public list at {@code /<path>}. */
public enum ContentKind {
    ARTICLE("文章", "articles"),
    VIDEO("微视频", "videos"),
    ANIMATION("微动画", "animations");

    private final String label;
    private final String path;

    ContentKind(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    public String path() {
        return path;
    }

    public boolean hasMedia() {
        return this != ARTICLE;
    }

    public static Optional<ContentKind> byPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }
}
