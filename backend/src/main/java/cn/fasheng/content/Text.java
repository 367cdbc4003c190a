package cn.fasheng.content;

/** Small text rules shared by the content feature's services. */
final class Text {

    private Text() {
    }

    /** What a person typed, trimmed; null when they typed nothing. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
