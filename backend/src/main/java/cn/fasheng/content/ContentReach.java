package cn.fasheng.content;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fasheng.reach.ReachTarget;
import cn.fasheng.reach.ReachTargetSource;
import reactor.core.publisher.Mono;

/** The column's items as counted pages: title, kind and topic names for the reach dashboard, and the views total. */
@Component
class ContentReach implements ReachTargetSource {

    private final ContentRepository contents;
    private final TopicService topics;
    private final PublicLinks links;
    private final ViewCounter views;

    ContentReach(ContentRepository contents, TopicService topics, PublicLinks links, ViewCounter views) {
        this.contents = contents;
        this.topics = topics;
        this.links = links;
        this.views = views;
    }

    @Override
    public ReachTarget target() {
        return ReachTarget.CONTENT;
    }

    @Override
    public Mono<Map<String, Page>> describe(Collection<String> ids) {
        return topics.forPublic().flatMap(all -> {
            Map<String, String> names = new HashMap<>();
            all.forEach(topic -> names.put(topic.slug(), topic.name()));
            return contents.findAllById(ids).collectMap(Content::getId, content -> new Page(content.getId(),
                    content.getTitle(), content.getKind().label(),
                    content.getTopics() == null ? List.of()
                            : content.getTopics().stream().map(slug -> names.getOrDefault(slug, slug)).toList(),
                    links.path(content)));
        });
    }

    @Override
    public Mono<Void> counted(Map<String, Long> counted) {
        return views.add(counted);
    }
}
