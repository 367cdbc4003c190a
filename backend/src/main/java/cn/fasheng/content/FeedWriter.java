package cn.fasheng.content;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

import cn.fasheng.site.SiteProperties;

/** RSS 2.0, Atom 1.0 and the sitemap, written out directly: small documents with a fixed shape. */
final class FeedWriter {

    record Channel(String title, String description, String link, String selfLink, Instant updated) {
    }

    private FeedWriter() {
    }

    static String rss(Channel channel, List<Content> items, PublicLinks links, SiteProperties site) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>")
                .append(tag("title", channel.title())).append(tag("link", channel.link()))
                .append(tag("description", channel.description())).append("<language>zh-CN</language>")
                .append("<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"").append(escape(channel.selfLink()))
                .append("\"/>");
        if (channel.updated() != null) {
            xml.append(tag("lastBuildDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(channel.updated().atZone(ShanghaiTime.ZONE))));
        }
        for (Content c : items) {
            String url = links.absolute(links.path(c));
            xml.append("<item>").append(tag("title", c.getTitle())).append(tag("link", url))
                    .append("<guid isPermaLink=\"true\">").append(escape(url)).append("</guid>")
                    .append(tag("pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(c.getPublishedAt().atZone(ShanghaiTime.ZONE))))
                    .append(tag("description", description(c)))
                    .append(tag("author", c.getSource() != null ? c.getSource() : site.sponsor()));
            for (String tag : c.getTags()) {
                xml.append(tag("category", tag));
            }
            xml.append("</item>");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    static String atom(Channel channel, List<Content> items, PublicLinks links, SiteProperties site) {
        Instant updated = channel.updated() != null ? channel.updated() : Instant.EPOCH;
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">")
                .append(tag("title", channel.title())).append(tag("subtitle", channel.description()))
                .append(tag("id", channel.selfLink()))
                .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(channel.link())).append("\"/>")
                .append("<link rel=\"self\" type=\"application/atom+xml\" href=\"").append(escape(channel.selfLink())).append("\"/>")
                .append(tag("updated", ShanghaiTime.iso(updated)))
                .append("<author>").append(tag("name", site.sponsor())).append("</author>");
        for (Content c : items) {
            String url = links.absolute(links.path(c));
            xml.append("<entry>").append(tag("title", c.getTitle())).append(tag("id", url))
                    .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(url)).append("\"/>")
                    .append(tag("published", ShanghaiTime.iso(c.getPublishedAt())))
                    .append(tag("updated", ShanghaiTime.iso(c.getUpdatedAt() != null ? c.getUpdatedAt() : c.getPublishedAt())))
                    .append(tag("summary", description(c)));
            for (String tag : c.getTags()) {
                xml.append("<category term=\"").append(escape(tag)).append("\"/>");
            }
            xml.append("</entry>");
        }
        return xml.append("</feed>\n").toString();
    }

    static String sitemap(List<String> fixedUrls, List<Content> items, PublicLinks links) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String url : fixedUrls) {
            xml.append("<url>").append(tag("loc", url)).append("</url>");
        }
        for (Content c : items) {
            Instant modified = c.getUpdatedAt() != null ? c.getUpdatedAt() : c.getPublishedAt();
            xml.append("<url>").append(tag("loc", links.absolute(links.path(c))))
                    .append(tag("lastmod", ShanghaiTime.iso(modified))).append("</url>");
        }
        return xml.append("</urlset>\n").toString();
    }

    static String description(Content c) {
        if (c.getSummary() != null) {
            return c.getSummary();
        }
        String text = HtmlSanitizer.text(c.getBody());
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String tag(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    private static String escape(String text) {
        // XML 1.0 forbids most control characters even when escaped.
        String clean = text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
        return HtmlUtils.htmlEscape(clean, "UTF-8").replace("&#39;", "&apos;");
    }
}
