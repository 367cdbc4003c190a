package cn.fasheng.content;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fasheng.site.SiteProperties;

@Component
public class PageMetaFactory {

    private static final DateTimeFormatter PUB_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ShanghaiTime.ZONE);
    private static final String DEFAULT_DESCRIPTION =
            "杨浦区司法局普法栏目：法治微视频、微动画、专题普法、高中生法治辩论赛与家门口法治微景观。";

    private final SiteProperties site;
    private final PublicLinks links;

    PageMetaFactory(SiteProperties site, PublicLinks links) {
        this.site = site;
        this.links = links;
    }

    public PageMeta plain(String title, String description) {
        return new PageMeta(title, description == null ? DEFAULT_DESCRIPTION : description, null, null, null, null,
                "website", null);
    }

    PageMeta of(Content content, Map<String, String> topicNames) {
        List<String> keywords = new ArrayList<>(content.getTags());
        content.getTopics().stream().map(topicNames::get).filter(name -> name != null && !keywords.contains(name))
                .forEach(keywords::add);
        String description = content.getSummary() != null ? content.getSummary()
                : abbreviate(HtmlSanitizer.text(content.getBody()), 120);
        String source = content.getSource() != null ? content.getSource() : site.sponsor();
        return new PageMeta(content.getTitle(), description, String.join(",", keywords), content.getTitle(),
                PUB_DATE.format(content.getPublishedAt()), source,
                content.getKind() == ContentKind.ARTICLE ? "article" : "video.other",
                content.getCoverUrl() == null ? null : links.absoluteMedia(content.getCoverUrl()));
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }
}
