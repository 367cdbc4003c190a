package cn.fasheng.content;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.jobs.JobQueue;
import reactor.core.publisher.Mono;

/**
 * Moves content through 草稿 → 待审 → 已通过 → 已排期 → 已发布 → 已下线 (and 退回). Timed publication and
 * withdrawal are jobs on the shared queue; when one runs, a conditional update makes the change happen once.
 */
@Service
public class ContentWorkflow {

    static final String SYSTEM = "系统定时任务";

    private final ContentService contents;
    private final ContentRepository repository;
    private final ReactiveMongoTemplate mongo;
    private final JobQueue jobs;
    private final ContentProperties properties;
    private final AuditLog audit;
    private final PublicContentCache publicCache;
    private final Clock clock;

    ContentWorkflow(ContentService contents, ContentRepository repository, ReactiveMongoTemplate mongo, JobQueue jobs,
            ContentProperties properties, AuditLog audit, PublicContentCache publicCache, Clock clock) {
        this.publicCache = publicCache;
        this.contents = contents;
        this.repository = repository;
        this.mongo = mongo;
        this.jobs = jobs;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<Content> submit(String id, ConsolePrincipal user, String ip) {
        return transition(id, ContentAction.SUBMIT, user, ip, null, content -> {
            if (content.getKind() == ContentKind.ARTICLE && HtmlSanitizer.text(content.getBody()).isBlank()) {
                throw new InvalidRequestException("body", "文章正文为空，不能提交审核");
            }
            content.setState(ContentState.IN_REVIEW);
            content.setReviewStage(0);
            content.setFirstReviewerId(null);
            content.setFirstReviewerName(null);
        }, NOTHING);
    }

    public Mono<Content> withdraw(String id, ConsolePrincipal user, String ip) {
        return transition(id, ContentAction.WITHDRAW, user, ip, null, content -> {
            content.setState(ContentState.DRAFT);
            content.setReviewStage(0);
            content.setPublishAt(null);
            content.setUnpublishAt(null);
        }, saved -> jobs.cancel(publishKey(id)).then(jobs.cancel(unpublishKey(id))));
    }

    public Mono<Content> approve(String id, String comment, ConsolePrincipal user, String ip) {
        return contents.get(id).flatMap(found -> {
            boolean first = properties.reviewLevels() == 2 && found.getReviewStage() == 0;
            ContentAction action = first ? ContentAction.FIRST_APPROVE : ContentAction.APPROVE;
            return apply(found, action, user, ip, comment, content -> {
                if (first) {
                    content.setReviewStage(1);
                    content.setFirstReviewerId(user.userId());
                    content.setFirstReviewerName(user.displayName());
                }
                else {
                    content.setState(ContentState.APPROVED);
                    content.setReviewStage(properties.reviewLevels());
                }
                content.setReviewComment(Text.blankToNull(comment));
                content.setReviewedBy(user.displayName());
            }, NOTHING);
        });
    }

    public Mono<Content> reject(String id, String comment, ConsolePrincipal user, String ip) {
        if (comment == null || comment.isBlank()) {
            return Mono.error(new InvalidRequestException("comment", "退回时请填写修改意见"));
        }
        return transition(id, ContentAction.REJECT, user, ip, comment, content -> {
            content.setState(ContentState.REJECTED);
            content.setReviewStage(0);
            content.setReviewComment(comment.strip());
            content.setReviewedBy(user.displayName());
        }, NOTHING);
    }

    public Mono<Content> schedule(String id, OffsetDateTime publishAt, OffsetDateTime unpublishAt, ConsolePrincipal user,
            String ip) {
        Instant at = publishAt.toInstant();
        Instant until = unpublishAt == null ? null : unpublishAt.toInstant();
        if (until != null && !until.isAfter(at)) {
            return Mono.error(new InvalidRequestException("unpublishAt", "下线时间必须晚于发布时间"));
        }
        if (!at.isAfter(clock.instant())) {
            return Mono.error(new InvalidRequestException("publishAt", "发布时间已过，请选择将来的时间或直接发布"));
        }
        return transition(id, ContentAction.SCHEDULE, user, ip, ShanghaiTime.format(at), content -> {
            content.setState(ContentState.SCHEDULED);
            content.setPublishAt(at);
            content.setUnpublishAt(until);
        }, saved -> jobs.schedule(publishKey(id), PublishDueJob.TYPE, new PublishDueJob.Payload(id, at), at)
                // Planned now: the withdrawal job only acts on an item that is published with this very time.
                .then(until == null ? jobs.cancel(unpublishKey(id)) : planUnpublish(saved)));
    }

    public Mono<Content> unschedule(String id, ConsolePrincipal user, String ip) {
        return transition(id, ContentAction.UNSCHEDULE, user, ip, null, content -> {
            content.setState(ContentState.APPROVED);
            content.setPublishAt(null);
            content.setUnpublishAt(null);
        }, saved -> jobs.cancel(publishKey(id)).then(jobs.cancel(unpublishKey(id))));
    }

    public Mono<Content> publish(String id, ConsolePrincipal user, String ip) {
        return transition(id, ContentAction.PUBLISH, user, ip, null, content -> {
            Instant now = clock.instant();
            content.setState(ContentState.PUBLISHED);
            content.setPublishAt(null);
            if (content.getUnpublishAt() != null && !content.getUnpublishAt().isAfter(now)) {
                content.setUnpublishAt(null);
            }
            if (content.getPublishedAt() == null) {
                content.setPublishedAt(now);
            }
        }, saved -> jobs.cancel(publishKey(id)).then(planUnpublish(saved)));
    }

    public Mono<Content> unpublish(String id, OffsetDateTime at, ConsolePrincipal user, String ip) {
        Instant when = at == null ? null : at.toInstant();
        if (when != null && when.isAfter(clock.instant())) {
            return transition(id, ContentAction.SCHEDULE_UNPUBLISH, user, ip, ShanghaiTime.format(when),
                    content -> content.setUnpublishAt(when), this::planUnpublish);
        }
        return transition(id, ContentAction.UNPUBLISH, user, ip, null, content -> {
            content.setState(ContentState.ARCHIVED);
            content.setUnpublishAt(null);
        }, saved -> jobs.cancel(unpublishKey(id)));
    }

    public Mono<Content> reopen(String id, ConsolePrincipal user, String ip) {
        return transition(id, ContentAction.REOPEN, user, ip, null, content -> {
            content.setState(ContentState.DRAFT);
            content.setReviewStage(0);
        }, NOTHING);
    }

    public Mono<Content> republish(String id, ConsolePrincipal user, String ip) {
        return transition(id, ContentAction.REPUBLISH, user, ip, null, content -> {
            content.setState(ContentState.PUBLISHED);
            content.setUnpublishAt(null);
        }, NOTHING);
    }

    public Mono<Content> feature(String id, boolean featured, ConsolePrincipal user, String ip) {
        return transition(id, ContentAction.FEATURE, user, ip, featured ? "设为推荐" : "取消推荐",
                content -> content.setFeatured(featured), NOTHING);
    }

    /**
     * Run by the publish job: goes live only if it is still scheduled for exactly this time. A retry after the
     * change (e.g. the audit write failed) finds the item already live and records nothing twice.
     */
    Mono<Void> publishDue(String id, Instant at) {
        return repository.findById(id).flatMap(content -> {
            Instant publishedAt = content.getPublishedAt() != null ? content.getPublishedAt() : at;
            Query due = Query.query(Criteria.where("_id").is(id).and("state").is(ContentState.SCHEDULED)
                    .and("publishAt").is(at));
            Update live = new Update().set("state", ContentState.PUBLISHED).set("publishedAt", publishedAt)
                    .unset("publishAt").set("updatedAt", clock.instant()).inc("version", 1);
            return mongo.updateFirst(due, live, Content.class).flatMap(result -> result.getModifiedCount() == 0
                    ? Mono.empty()
                    : publicCache.changed().then(audit.record(SYSTEM, ContentAction.PUBLISH,
                            ContentService.target(content), null, "定时发布：" + ShanghaiTime.format(at))));
        });
    }

    /** Run by the withdrawal job: goes offline only if still published and due at exactly this time. */
    Mono<Void> unpublishDue(String id, Instant at) {
        return repository.findById(id).flatMap(content -> {
            Query due = Query.query(Criteria.where("_id").is(id).and("state").is(ContentState.PUBLISHED)
                    .and("unpublishAt").is(at));
            Update offline = new Update().set("state", ContentState.ARCHIVED).unset("unpublishAt")
                    .set("updatedAt", clock.instant()).inc("version", 1);
            return mongo.updateFirst(due, offline, Content.class).flatMap(result -> result.getModifiedCount() == 0
                    ? Mono.empty()
                    : publicCache.changed().then(audit.record(SYSTEM, ContentAction.UNPUBLISH,
                            ContentService.target(content), null, "定时下线：" + ShanghaiTime.format(at))));
        });
    }

    private Mono<Void> planUnpublish(Content content) {
        Instant until = content.getUnpublishAt();
        return until == null ? Mono.empty()
                : jobs.schedule(unpublishKey(content.getId()), UnpublishDueJob.TYPE,
                        new UnpublishDueJob.Payload(content.getId(), until), until);
    }

    private static final Function<Content, Mono<Void>> NOTHING = saved -> Mono.empty();

    /**
     * Checks the rules, applies the change, saves with the version check, and only then touches the job queue:
     * a save refused as stale leaves the planned jobs as they were.
     */
    private Mono<Content> transition(String id, ContentAction action, ConsolePrincipal user, String ip, String detail,
            Consumer<Content> change, Function<Content, Mono<Void>> afterSave) {
        return contents.get(id).flatMap(content -> apply(content, action, user, ip, detail, change, afterSave));
    }

    private Mono<Content> apply(Content content, ContentAction action, ConsolePrincipal user, String ip, String detail,
            Consumer<Content> change, Function<Content, Mono<Void>> afterSave) {
        ContentRules.check(action, content, user, properties.reviewLevels());
        change.accept(content);
        content.setUpdatedAt(clock.instant());
        return repository.save(content)
                .flatMap(saved -> afterSave.apply(saved).then(publicCache.changed()).thenReturn(saved))
                .flatMap(saved -> audit.record(user.username(), action, ContentService.target(saved), ip, detail)
                        .thenReturn(saved));
    }

    static String publishKey(String id) {
        return "content.publish:" + id;
    }

    static String unpublishKey(String id) {
        return "content.unpublish:" + id;
    }
}
