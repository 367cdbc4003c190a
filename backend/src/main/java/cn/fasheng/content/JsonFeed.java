package cn.fasheng.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** JSON Feed 1.1 (jsonfeed.org) for the district portal, with the column's kind and topics as an extension. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl, String language, List<Item> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String url, String title, String summary, @JsonProperty("content_html") String contentHtml,
            String image, @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified, List<String> tags, List<Author> authors,
            @JsonProperty("_fasheng") Extension extension) {
    }

    record Author(String name) {
    }

    record Extension(String kind, String kindLabel, List<String> topics, String source, String videoUrl) {
    }
}
