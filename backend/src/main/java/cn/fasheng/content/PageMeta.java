package cn.fasheng.content;

/**
 * The head of a public page: title and description, the government-site meta tags (ArticleTitle, PubDate,
 * ContentSource, Keywords) for content pages, and Open Graph tags for sharing in WeChat and elsewhere.
 */
public record PageMeta(String title, String description, String keywords, String articleTitle, String pubDate,
        String contentSource, String ogType, String ogImage) {
}
