package cn.fasheng.content;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/** Marks the searched words in a title or an excerpt of the text; the result is escaped HTML with {@code <mark>}. */
final class Highlighter {

    private static final int EXCERPT = 120;

    private Highlighter() {
    }

    static String mark(String text, List<String> terms) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Pattern pattern = pattern(terms);
        if (pattern == null) {
            return HtmlUtils.htmlEscape(text);
        }
        StringBuilder out = new StringBuilder();
        Matcher matcher = pattern.matcher(text);
        int last = 0;
        while (matcher.find()) {
            out.append(HtmlUtils.htmlEscape(text.substring(last, matcher.start())))
                    .append("<mark>").append(HtmlUtils.htmlEscape(matcher.group())).append("</mark>");
            last = matcher.end();
        }
        return out.append(HtmlUtils.htmlEscape(text.substring(last))).toString();
    }

    /** About 120 characters around the first searched word, marked. */
    static String excerpt(String text, List<String> terms) {
        if (text == null) {
            return "";
        }
        Pattern pattern = pattern(terms);
        int at = 0;
        if (pattern != null) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                at = Math.max(0, matcher.start() - 30);
            }
        }
        int end = Math.min(text.length(), at + EXCERPT);
        String window = (at > 0 ? "…" : "") + text.substring(at, end) + (end < text.length() ? "…" : "");
        return mark(window, terms);
    }

    private static Pattern pattern(List<String> terms) {
        List<String> usable = terms.stream().filter(t -> !t.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        if (usable.isEmpty()) {
            return null;
        }
        return Pattern.compile(usable.stream().map(Pattern::quote).collect(Collectors.joining("|")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
