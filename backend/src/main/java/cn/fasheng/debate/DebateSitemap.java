package cn.fasheng.debate;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.fasheng.site.SitemapSource;
import reactor.core.publisher.Mono;

/** The contest pages of every published contest, for search engines. */
@Component
class DebateSitemap implements SitemapSource {

    private final ContestRepository contests;

    DebateSitemap(ContestRepository contests) {
        this.contests = contests;
    }

    @Override
    public Mono<List<String>> paths() {
        return contests.findByPublishedTrueOrderByCreatedAtDesc().collectList().map(all -> {
            List<String> paths = new ArrayList<>(List.of("/debate"));
            for (Contest contest : all) {
                DebatePageController.SECTIONS.keySet().forEach(section -> paths.add(section.equals("home")
                        ? "/debate/" + contest.slug() : "/debate/" + contest.slug() + "/" + section));
            }
            return paths;
        });
    }
}
