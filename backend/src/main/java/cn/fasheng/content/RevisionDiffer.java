package cn.fasheng.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import cn.fasheng.content.ContentDtos.BodyLine;
import cn.fasheng.content.ContentDtos.FieldChange;
import cn.fasheng.content.ContentDtos.LineChange;
import cn.fasheng.content.ContentDtos.RevisionDiff;

/** Compares two revisions: changed fields side by side, the body block by block (longest common subsequence). */
final class RevisionDiffer {

    private RevisionDiffer() {
    }

    static RevisionDiff diff(Revision from, Revision to) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "title", "标题", from.title(), to.title());
        field(fields, "slug", "地址名", from.slug(), to.slug());
        field(fields, "summary", "摘要", from.summary(), to.summary());
        field(fields, "coverUrl", "封面", from.coverUrl(), to.coverUrl());
        field(fields, "topics", "专题", join(from.topics()), join(to.topics()));
        field(fields, "tags", "标签", join(from.tags()), join(to.tags()));
        field(fields, "source", "来源", from.source(), to.source());
        field(fields, "mediaAssetId", "媒体文件", from.mediaName(), to.mediaName());
        return new RevisionDiff(from.number(), to.number(), fields, lines(blocks(from.body()), blocks(to.body())));
    }

    /** The body as lines a person compares: one per paragraph, heading, list item or table row. */
    static List<String> blocks(String html) {
        List<String> lines = new ArrayList<>();
        if (html == null) {
            return lines;
        }
        for (Element element : Jsoup.parseBodyFragment(html).body().select("p, h2, h3, h4, li, tr, pre, img, hr")) {
            if (element.parents().stream().anyMatch(p -> p.is("li, tr") ) && !element.is("li, tr")) {
                continue;
            }
            String text = switch (element.tagName()) {
                case "tr" -> "| " + String.join(" | ", element.children().eachText()) + " |";
                case "li" -> "• " + element.text();
                case "img" -> "[图片 " + element.attr("alt") + "]";
                case "hr" -> "———";
                case "h2", "h3", "h4" -> "#".repeat(element.tagName().charAt(1) - '0') + " " + element.text();
                default -> element.text();
            };
            lines.add(text);
        }
        return lines;
    }

    /** Beyond this many cells the middle is shown as replaced rather than aligned line by line. */
    private static final long MAX_TABLE = 4_000_000;

    static List<BodyLine> lines(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<BodyLine> out = new ArrayList<>();
        a.subList(0, prefix).forEach(line -> out.add(new BodyLine(LineChange.SAME, line)));
        List<String> middleA = a.subList(prefix, a.size() - suffix);
        List<String> middleB = b.subList(prefix, b.size() - suffix);
        if ((long) (middleA.size() + 1) * (middleB.size() + 1) > MAX_TABLE) {
            middleA.forEach(line -> out.add(new BodyLine(LineChange.REMOVED, line)));
            middleB.forEach(line -> out.add(new BodyLine(LineChange.ADDED, line)));
        }
        else {
            out.addAll(aligned(middleA, middleB));
        }
        a.subList(a.size() - suffix, a.size()).forEach(line -> out.add(new BodyLine(LineChange.SAME, line)));
        return out;
    }

    private static List<BodyLine> aligned(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<BodyLine> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new BodyLine(LineChange.SAME, a.get(i++)));
                j++;
            }
            else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new BodyLine(LineChange.REMOVED, a.get(i++)));
            }
            else {
                out.add(new BodyLine(LineChange.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) {
            out.add(new BodyLine(LineChange.REMOVED, a.get(i++)));
        }
        while (j < b.size()) {
            out.add(new BodyLine(LineChange.ADDED, b.get(j++)));
        }
        return out;
    }

    private static void field(List<FieldChange> out, String field, String label, String before, String after) {
        if (!Objects.equals(blank(before), blank(after))) {
            out.add(new FieldChange(field, label, blank(before), blank(after)));
        }
    }

    private static String join(List<String> values) {
        return values == null ? "" : String.join("、", values);
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
