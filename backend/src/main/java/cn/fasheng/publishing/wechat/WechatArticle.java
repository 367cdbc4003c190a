package cn.fasheng.publishing.wechat;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a column article's (already sanitised) HTML into what the WeChat editor keeps: pictures only from WeChat's
 * own servers (uploaded with {@code uploadimg}), no scripts, frames or media tags, no outside links (WeChat does not
 * let them be followed; the column page is the article's "阅读原文"), and presentation as inline styles because
 * WeChat drops classes and style sheets.
 */
final class WechatArticle {

    static final int MAX_CHARS = 20_000;

    private static final Map<String, String> STYLES = Map.ofEntries(
            Map.entry("p", "margin:0 0 1em;line-height:1.75;font-size:16px;color:#333;text-align:justify;"),
            Map.entry("h2", "margin:1.2em 0 .6em;font-size:20px;font-weight:bold;color:#b71c1c;"),
            Map.entry("h3", "margin:1em 0 .5em;font-size:18px;font-weight:bold;color:#333;"),
            Map.entry("h4", "margin:1em 0 .5em;font-size:16px;font-weight:bold;color:#333;"),
            Map.entry("blockquote", "margin:1em 0;padding:.6em 1em;border-left:4px solid #b71c1c;background:#f7f7f7;color:#555;"),
            Map.entry("img", "display:block;max-width:100%;height:auto;margin:.5em auto;"),
            Map.entry("figure", "margin:1em 0;"),
            Map.entry("figcaption", "text-align:center;font-size:14px;color:#888;"),
            Map.entry("ul", "margin:0 0 1em;padding-left:1.5em;line-height:1.75;"),
            Map.entry("ol", "margin:0 0 1em;padding-left:1.5em;line-height:1.75;"),
            Map.entry("table", "width:100%;border-collapse:collapse;margin:1em 0;font-size:14px;"),
            Map.entry("th", "border:1px solid #ccc;padding:.4em;background:#f2f2f2;"),
            Map.entry("td", "border:1px solid #ccc;padding:.4em;"));

    private WechatArticle() {
    }

    /** The pictures of an article, in order, each once. */
    static Set<String> images(String html) {
        Set<String> sources = new LinkedHashSet<>();
        Jsoup.parseBodyFragment(html == null ? "" : html).select("img[src]").forEach(img -> sources.add(img.attr("src")));
        return sources;
    }

    /**
     * @param uploaded each picture's address on WeChat; pictures without one are left out
     * @param lead     HTML placed before the body (e.g. the video's poster and a line pointing to the column page)
     */
    static String convert(String html, Map<String, String> uploaded, String lead) {
        Document doc = Jsoup.parseBodyFragment((lead == null ? "" : lead) + (html == null ? "" : html));
        doc.select("script, style, iframe, frame, object, embed, video, audio, source, track, form, input, button").remove();
        for (Element img : doc.select("img")) {
            String wechat = uploaded.get(img.attr("src"));
            if (wechat == null) {
                img.remove();
                continue;
            }
            img.clearAttributes();
            img.attr("src", wechat).attr("alt", img.attr("alt"));
        }
        for (Element link : doc.select("a")) {
            link.unwrap();
        }
        for (Element element : doc.body().getAllElements()) {
            if (element == doc.body()) {
                continue;
            }
            String src = element.tagName().equals("img") ? element.attr("src") : null;
            String colspan = element.attr("colspan");
            String rowspan = element.attr("rowspan");
            element.clearAttributes();
            if (src != null) {
                element.attr("src", src);
            }
            if (!colspan.isEmpty()) {
                element.attr("colspan", colspan);
            }
            if (!rowspan.isEmpty()) {
                element.attr("rowspan", rowspan);
            }
            String style = STYLES.get(element.tagName());
            if (style != null) {
                element.attr("style", style);
            }
        }
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }
}
