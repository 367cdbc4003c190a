package cn.fasheng.content;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.content.ContentDtos.ContentView;
import cn.fasheng.content.ContentRequests.SaveContent;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Writing content: create, save with a version check, keep a revision per save, restore, delete. */
@Service
public class ContentService {

    private static final DateTimeFormatter SLUG_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContentRepository contents;
    private final RevisionRepository revisions;
    private final TopicService topics;
    private final HtmlSanitizer sanitizer;
    private final SearchTerms searchTerms;
    private final ContentProperties properties;
    private final AuditLog audit;
    private final PublicLinks links;
    private final Clock clock;
    private final cn.fasheng.media.MediaAssets media;

    ContentService(ContentRepository contents, RevisionRepository revisions, TopicService topics,
            HtmlSanitizer sanitizer, SearchTerms searchTerms, ContentProperties properties, AuditLog audit, PublicLinks links, Clock clock, cn.fasheng.media.MediaAssets media) {
        this.media = media;
        this.contents = contents;
        this.revisions = revisions;
        this.topics = topics;
        this.sanitizer = sanitizer;
        this.searchTerms = searchTerms;
        this.properties = properties;
        this.audit = audit;
        this.links = links;
        this.clock = clock;
    }

    /** Whether the column has no content yet: a first start, when the demo column is seeded. */
    public Mono<Boolean> columnIsEmpty() {
        return contents.count().map(count -> count == 0);
    }

    public Mono<Content> get(String id) {
        return contents.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException("内容不存在或已被删除")));
    }

    public ContentView view(Content content, ConsolePrincipal user) {
        return ContentView.of(content, ContentRules.available(content, user, properties.reviewLevels()),
                content.getState() == ContentState.PUBLISHED ? links.page(content) : null);
    }

    public Mono<Content> create(SaveContent request, ConsolePrincipal user, String ip) {
        if (request.kind() == null) {
            return Mono.error(new InvalidRequestException("kind", "请选择内容类型"));
        }
        Instant now = clock.instant();
        Content content = new Content();
        content.setKind(request.kind());
        content.setState(ContentState.DRAFT);
        content.setAuthorId(user.userId());
        content.setAuthorName(user.displayName());
        content.setContributorIds(new LinkedHashSet<>());
        content.setCreatedAt(now);
        return apply(content, request, user)
                .flatMap(ready -> saveWithRevision(ready, user, "新建"))
                .flatMap(saved -> audit.record(user.username(), ContentAction.CREATE, target(saved), ip, null)
                        .thenReturn(saved));
    }

    public Mono<Content> update(String id, SaveContent request, ConsolePrincipal user, String ip) {
        if (request.version() == null) {
            return Mono.error(new InvalidRequestException("version", "缺少所编辑的版本号"));
        }
        return get(id).flatMap(content -> {
            checkVersion(content, request.version());
            ContentRules.check(ContentAction.EDIT, content, user, properties.reviewLevels());
            if (request.kind() != null && request.kind() != content.getKind()) {
                return Mono.error(new InvalidRequestException("kind", "内容类型创建后不能修改"));
            }
            return apply(content, request, user)
                    .flatMap(ready -> saveWithRevision(ready, user, null))
                    .flatMap(saved -> audit.record(user.username(), ContentAction.EDIT, target(saved), ip,
                            "第 " + saved.getRevision() + " 版").thenReturn(saved));
        });
    }

    public Mono<Content> restore(String id, int number, long version, ConsolePrincipal user, String ip) {
        return get(id).flatMap(content -> {
            checkVersion(content, version);
            ContentRules.check(ContentAction.RESTORE, content, user, properties.reviewLevels());
            return revisions.findByContentIdAndNumber(id, number)
                    .switchIfEmpty(Mono.error(() -> new NotFoundException("没有第 " + number + " 版")))
                    .flatMap(revision -> {
                        // A published item keeps its address whatever the old version was called.
                        String slug = content.getPublishedAt() != null ? content.getSlug() : revision.slug();
                        SaveContent old = new SaveContent(null, revision.title(), slug, revision.summary(),
                                revision.coverUrl(), revision.body(), revision.topics(), revision.tags(),
                                revision.source(), revision.mediaAssetId(), revision.mediaName(), version);
                        return apply(content, old, user);
                    })
                    .flatMap(ready -> saveWithRevision(ready, user, "恢复自第 " + number + " 版"))
                    .flatMap(saved -> audit.record(user.username(), ContentAction.RESTORE, target(saved), ip,
                            "恢复第 " + number + " 版").thenReturn(saved));
        });
    }

    public Mono<Void> delete(String id, ConsolePrincipal user, String ip) {
        return get(id).flatMap(content -> {
            ContentRules.check(ContentAction.DELETE, content, user, properties.reviewLevels());
            return contents.delete(content)
                    .then(revisions.deleteByContentId(id))
                    .then(audit.record(user.username(), ContentAction.DELETE, target(content), ip, null));
        });
    }

    public Flux<Revision> revisions(String id) {
        return get(id).flatMapMany(content -> revisions.findByContentIdOrderByNumberDesc(id));
    }

    public Mono<Revision> revision(String id, int number) {
        return revisions.findByContentIdAndNumber(id, number)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("没有第 " + number + " 版")));
    }

    static String target(Content content) {
        return content.getKind().label() + "《" + content.getTitle() + "》(" + content.getId() + ")";
    }

    static void checkVersion(Content content, long version) {
        if (!Objects.equals(content.getVersion(), version)) {
            throw new ConflictException("这条内容已被他人修改（您编辑的是第 " + version + " 版，当前为第 "
                    + content.getVersion() + " 版）。您的修改没有保存也没有丢失，请复制后刷新页面再合并。");
        }
    }

    private Mono<Content> apply(Content content, SaveContent request, ConsolePrincipal user) {
        List<String> topicSlugs = request.topics() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.topics()));
        String assetId = content.getKind().hasMedia() ? Text.blankToNull(request.mediaAssetId()) : null;
        Mono<String> linked = assetId == null ? Mono.just("") : media.linkable(assetId,
                content.getKind() == ContentKind.VIDEO ? cn.fasheng.media.AssetKind.VIDEO : cn.fasheng.media.AssetKind.ANIMATION,
                "mediaAssetId").map(cn.fasheng.media.MediaAsset::id);
        return topics.requireExisting(topicSlugs).then(linked).flatMap(resolvedAsset -> Mono.fromCallable(() -> {
            String body = sanitizer.clean(request.body());
            if (request.coverUrl() != null && !request.coverUrl().isBlank() && !sanitizer.isOwnImage(request.coverUrl())) {
                throw new InvalidRequestException("coverUrl", "封面必须是上传到本栏目的图片");
            }
            String slug = request.slug() == null || request.slug().isBlank()
                    ? (content.getSlug() != null ? content.getSlug() : generatedSlug()) : request.slug();
            if (content.getPublishedAt() != null && !slug.equals(content.getSlug())) {
                throw new InvalidRequestException("slug", "已发布过的内容不能修改地址名，以免公众保存的链接失效");
            }
            content.setTitle(request.title().strip());
            content.setSlug(slug);
            content.setSummary(Text.blankToNull(request.summary()));
            content.setCoverUrl(Text.blankToNull(request.coverUrl()));
            content.setBody(body);
            content.setTopics(topicSlugs);
            content.setTags(cleanTags(request.tags()));
            content.setSource(Text.blankToNull(request.source()));
            content.setMediaAssetId(Text.blankToNull(resolvedAsset));
            content.setMediaName(content.getKind().hasMedia() ? Text.blankToNull(request.mediaName()) : null);
            Set<String> contributors = content.getContributorIds() == null ? new LinkedHashSet<>()
                    : new LinkedHashSet<>(content.getContributorIds());
            contributors.add(user.userId());
            content.setContributorIds(contributors);
            content.setSearchTerms(searchTerms.of(content.getTitle(), content.getSummary(),
                    HtmlSanitizer.text(body), String.join(" ", content.getTags())));
            return content;
        }).subscribeOn(Schedulers.boundedElastic()));
    }

    private Mono<Content> saveWithRevision(Content content, ConsolePrincipal user, String note) {
        Instant now = clock.instant();
        content.setRevision(content.getRevision() + 1);
        content.setUpdatedAt(now);
        return contents.save(content)
                .onErrorMap(DuplicateKeyException.class,
                        e -> new ConflictException("地址名“" + content.getSlug() + "”已被其他内容使用"))
                .flatMap(saved -> revisions.save(Revision.of(saved, user.userId(), user.displayName(), now, note))
                        .thenReturn(saved));
    }

    private static List<String> cleanTags(List<String> tags) {
        List<String> clean = new ArrayList<>();
        if (tags != null) {
            for (String tag : tags) {
                if (tag != null && !tag.isBlank() && !clean.contains(tag.strip())) {
                    clean.add(tag.strip());
                }
            }
        }
        return clean;
    }

    private String generatedSlug() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append("abcdefghijkmnpqrstuvwxyz23456789".charAt(RANDOM.nextInt(32)));
        }
        return SLUG_DATE.format(clock.instant()) + "-" + suffix;
    }
}
