package cn.fasheng.content;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Cleans every body on write. The safelist is the console editor's schema (frontend/src/console/editor)
 * and nothing more: no style, class or event attributes, links only to http(s)/mailto or site paths,
 * images only from the column's own media store.
 */
@Component
public class HtmlSanitizer {

    static final String[] TAGS = {"p", "h2", "h3", "h4", "strong", "em", "u", "s", "code", "pre", "blockquote",
        "ul", "ol", "li", "hr", "br", "a", "img", "table", "thead", "tbody", "tr", "th", "td"};

    private static final Pattern LINK = Pattern.compile("(?i)^(https?://[^\\s\"'<>\\\\]+|mailto:[^\\s\"'<>\\\\]+|/(?!/)[^\\s\"'<>\\\\]*)$");
    private static final Pattern NUMBER = Pattern.compile("^[1-9][0-9]{0,2}$");

    private final Safelist safelist = new Safelist()
            .addTags(TAGS)
            .addAttributes("ol", "start")
            .addAttributes("a", "href", "target", "rel")
            .addAttributes("img", "src", "alt", "title")
            .addAttributes("th", "colspan", "rowspan")
            .addAttributes("td", "colspan", "rowspan");
    private final Pattern ownImage;

    public HtmlSanitizer(@Value("${spring.webflux.base-path:}") String basePath) {
        this.ownImage = Pattern.compile("^" + Pattern.quote(basePath == null ? "" : basePath)
                + "/media/images/[A-Za-z0-9/_-]+\\.(jpg|png|gif|webp)$");
    }

    public String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(safelist).clean(dirty);
        for (Element image : clean.select("img")) {
            if (!isOwnImage(image.attr("src"))) {
                image.remove();
            }
        }
        for (Element link : clean.select("a")) {
            String href = link.attr("href").strip();
            if (!LINK.matcher(href).matches()) {
                link.unwrap();
                continue;
            }
            link.attr("href", href);
            if ("_blank".equals(link.attr("target"))) {
                link.attr("rel", "noopener noreferrer nofollow");
            }
            else {
                link.removeAttr("target");
                link.removeAttr("rel");
            }
        }
        for (Element cell : clean.select("th, td, ol")) {
            for (String name : new String[] {"colspan", "rowspan", "start"}) {
                if (cell.hasAttr(name) && !NUMBER.matcher(cell.attr(name)).matches()) {
                    cell.removeAttr(name);
                }
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    public boolean isOwnImage(String url) {
        return url != null && ownImage.matcher(url).matches();
    }

    /** The body as plain text, for search terms, summaries and meta descriptions. */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }
}
