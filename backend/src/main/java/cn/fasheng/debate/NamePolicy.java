package cn.fasheng.debate;

import java.util.List;

/**
 * How the public pages name debaters, most of them minors: in full only where the contest allows it, otherwise
 * as 张同学 or by initials (Z.S.). The console always shows full names.
 */
public enum NamePolicy {
    FULL("全名"), SURNAME("姓氏+同学"), INITIALS("姓名首字母");

    // The compound surnames still met today; everything else is one character.
    private static final List<String> COMPOUND = List.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "申屠", "太史",
            "澹台", "百里", "呼延", "万俟", "闻人", "赫连", "淳于", "单于", "濮阳", "公羊", "拓跋", "第五");

    private final String label;

    NamePolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String display(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || this == FULL) {
            return trimmed;
        }
        boolean latin = trimmed.codePoints().allMatch(c -> c < 0x2E80);
        List<String> parts = latin ? List.of(trimmed.split("\\s+")) : split(trimmed);
        if (this == SURNAME) {
            // Which word of a Latin name is the surname cannot be told ("Zhang San", "Emily Wang"): initials then.
            return latin ? INITIALS.display(trimmed) + " 同学" : parts.get(0) + "同学";
        }
        StringBuilder initials = new StringBuilder();
        if (latin) {
            parts.forEach(p -> initials.append(Character.toUpperCase(p.charAt(0))).append('.'));
        }
        else {
            trimmed.codePoints().forEach(c -> initials.append(PinyinInitials.of(c)).append('.'));
        }
        return initials.toString();
    }

    private static List<String> split(String chinese) {
        for (String surname : COMPOUND) {
            if (chinese.startsWith(surname) && chinese.length() > surname.length()) {
                return List.of(surname, chinese.substring(surname.length()));
            }
        }
        int first = Character.charCount(chinese.codePointAt(0));
        return List.of(chinese.substring(0, first), chinese.substring(first));
    }
}
