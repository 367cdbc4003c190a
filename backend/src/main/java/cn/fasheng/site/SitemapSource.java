package cn.fasheng.site;

import java.util.List;

import reactor.core.publisher.Mono;

/** A feature's public pages that the sitemap lists besides the column's own (paths within the application). */
public interface SitemapSource {

    Mono<List<String>> paths();
}
