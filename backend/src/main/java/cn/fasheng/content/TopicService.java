package cn.fasheng.content;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import cn.fasheng.content.ContentRequests.SaveTopic;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The editable list of 专题. A topic still used by content cannot be deleted. */
@Service
public class TopicService {

    private final TopicRepository topics;
    private final ContentRepository contents;
    private final PublicContentCache publicCache;

    TopicService(TopicRepository topics, ContentRepository contents, PublicContentCache publicCache) {
        this.topics = topics;
        this.contents = contents;
        this.publicCache = publicCache;
    }

    /** The topics as the public pages list them; reused until the column changes. */
    public Mono<List<Topic>> forPublic() {
        return publicCache.get("topics", () -> topics.findAllByOrderByPositionAscNameAsc().collectList());
    }

    public Flux<Topic> all() {
        return topics.findAllByOrderByPositionAscNameAsc();
    }

    public Mono<Topic> bySlug(String slug) {
        return topics.findBySlug(slug);
    }

    public Mono<Topic> create(SaveTopic request) {
        return save(new Topic(null, request.slug(), request.name().strip(),
                Text.blankToNull(request.description()), request.position(), null));
    }

    public Mono<Topic> update(String id, SaveTopic request) {
        return topics.findById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("专题不存在")))
                .flatMap(existing -> {
                    if (!Objects.equals(existing.version(), request.version())) {
                        return Mono.error(new ConflictException("专题已被他人修改，请刷新后重试"));
                    }
                    if (!existing.slug().equals(request.slug())) {
                        return contents.existsByTopicsContains(existing.slug()).flatMap(used -> used
                                ? Mono.error(new InvalidRequestException("slug", "专题已有内容，不能修改地址名"))
                                : save(updated(existing, request)));
                    }
                    return save(updated(existing, request));
                });
    }

    public Mono<Void> delete(String id) {
        return topics.findById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("专题不存在")))
                .flatMap(topic -> contents.existsByTopicsContains(topic.slug()).flatMap(used -> used
                        ? Mono.error(new ConflictException("专题“" + topic.name() + "”下还有内容，请先将内容移出该专题"))
                        : topics.delete(topic).then(publicCache.changed())));
    }

    Mono<Void> requireExisting(List<String> slugs) {
        if (slugs.isEmpty()) {
            return Mono.empty();
        }
        return topics.findAll().map(Topic::slug).collectList().flatMap(known -> {
            Set<String> missing = new HashSet<>(slugs);
            known.forEach(missing::remove);
            return missing.isEmpty() ? Mono.empty()
                    : Mono.error(new InvalidRequestException("topics", "专题不存在：" + String.join("、", missing)));
        });
    }

    private static Topic updated(Topic existing, SaveTopic request) {
        return new Topic(existing.id(), request.slug(), request.name().strip(),
                Text.blankToNull(request.description()), request.position(), existing.version());
    }

    private Mono<Topic> save(Topic topic) {
        return topics.save(topic).onErrorMap(DuplicateKeyException.class,
                e -> new ConflictException("地址名“" + topic.slug() + "”已被其他专题使用"))
                .flatMap(saved -> publicCache.changed().thenReturn(saved));
    }
}
