package cn.fasheng.landscape;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.fasheng.site.SitemapSource;
import reactor.core.publisher.Mono;

/** The directory and every published site's page, for search engines. */
@Component
class LandscapeSitemap implements SitemapSource {

    private final SiteRepository sites;

    LandscapeSitemap(SiteRepository sites) {
        this.sites = sites;
    }

    @Override
    public Mono<List<String>> paths() {
        return sites.findByPublishedTrueOrderByStreetAscNameAsc().map(LandscapeSite::path).collectList().map(all -> {
            List<String> paths = new ArrayList<>(List.of("/landscape"));
            paths.addAll(all);
            return paths;
        });
    }
}
