package cn.fasheng.debate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.debate.DebateRequests.SaveContest;
import cn.fasheng.debate.DebateRequests.SaveFormat;
import cn.fasheng.debate.DebateRequests.SaveScoring;
import cn.fasheng.debate.draw.KnockoutDraw;
import cn.fasheng.debate.standings.TeamMetrics;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.ForbiddenException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Setting up a contest: its format, scoring, privacy and standings rules. */
@Service
class ContestService {

    private final ContestRepository contests;
    private final Tabulation tabulation;
    private final RosterRemoval removal;
    private final DebateLive live;
    private final AuditLog audit;
    private final Clock clock;

    ContestService(ContestRepository contests, Tabulation tabulation, RosterRemoval removal, DebateLive live,
            AuditLog audit, Clock clock) {
        this.removal = removal;
        this.contests = contests;
        this.tabulation = tabulation;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    Flux<Contest> all() {
        return contests.findAllByOrderByCreatedAtDesc();
    }

    Mono<Contest> get(String id) {
        return contests.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException("辩论赛不存在")));
    }

    Mono<Contest> create(SaveContest request, ConsolePrincipal user, String ip) {
        boolean generated = !StringUtils.hasText(request.slug());
        String slug = generated ? "debate-" + request.season().strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") : request.slug();
        return Mono.fromRunnable(() -> guardDisclosure(null, request, user))
                .then(uniqueSlug(slug.equals("debate-") ? "debate" : slug, generated, 1))
                .flatMap(free -> contests.save(build(null, request, free)))
                .onErrorMap(DuplicateKeyException.class, e -> new InvalidRequestException("slug", "地址名已被其他赛事使用"))
                .flatMap(saved -> audit.record(user.username(), DebateAction.CONTEST_CREATE, saved.id(), ip, saved.name())
                        .thenReturn(saved));
    }

    Mono<Contest> update(String id, SaveContest request, ConsolePrincipal user, String ip) {
        return get(id).flatMap(existing -> {
            if (!Objects.equals(existing.version(), request.version())) {
                return Mono.error(new ConflictException("赛事设置已被他人修改，请刷新后重试"));
            }
            guardDisclosure(existing, request, user);
            Contest updated = build(existing, request, StringUtils.hasText(request.slug()) ? request.slug() : existing.slug());
            return tabulation.load(existing).flatMap(tab -> {
                guardRunning(tab, updated);
                return contests.save(updated);
            })
                    .onErrorMap(DuplicateKeyException.class, e -> new InvalidRequestException("slug", "地址名已被其他赛事使用"))
                    .onErrorMap(OptimisticLockingFailureException.class, e -> new ConflictException("赛事设置已被他人修改，请刷新后重试"))
                    .flatMap(saved -> audit.record(user.username(), DebateAction.CONTEST_EDIT, saved.id(), ip, saved.name())
                            .then(live.changed(saved.id())).thenReturn(saved));
        });
    }

    /**
     * What the public learns is a reviewer's decision, as for the column's content: putting the contest on the
     * column, showing debaters' full names and publishing judges' ballots.
     */
    private static void guardDisclosure(Contest existing, SaveContest request, ConsolePrincipal user) {
        if (user.reviewsOrAdministers()) {
            return;
        }
        boolean published = existing == null ? request.published() : request.published() != existing.published();
        boolean names = existing == null ? request.namePolicy() == NamePolicy.FULL : request.namePolicy() != existing.namePolicy();
        boolean ballots = existing == null ? request.ballotsPublic() : request.ballotsPublic() != existing.ballotsPublic();
        if (published || names || ballots) {
            throw new ForbiddenException("在栏目公开赛事、更改辩手姓名的公开方式和公开评委评分表，需审核人员或管理员操作");
        }
    }

    /** Settings that results already depend on cannot change under them. */
    private static void guardRunning(ContestTab tab, Contest updated) {
        boolean scored = tab.rounds.stream().flatMap(r -> tab.matches(r).stream()).anyMatch(m -> !tab.ballots(m).isEmpty());
        if (scored && updated.format().debatersPerTeam() != tab.contest.format().debatersPerTeam()) {
            throw new ConflictException("已有评分表，不能再修改每队上场人数");
        }
        if (updated.prelimRounds() < tab.prelims().size()) {
            throw new InvalidRequestException("prelimRounds", "已建立 " + tab.prelims().size() + " 轮预赛，预赛轮数不能少于此数");
        }
        if (!tab.knockouts().isEmpty() && updated.breakSize() != tab.contest.breakSize()) {
            throw new ConflictException("淘汰赛已经开始，不能再修改晋级队伍数");
        }
    }

    /**
     * Removes a contest and everything in it (administrators only). The contest document goes last, so a deletion
     * cut short leaves it listed and can simply be repeated.
     */
    Mono<Void> delete(String id, ConsolePrincipal user, String ip) {
        return get(id).flatMap(contest -> removal.deleteAll(id)
                .then(contests.delete(contest))
                .then(audit.record(user.username(), DebateAction.CONTEST_DELETE, id, ip, contest.name()))
                // Open pages learn of it (and find the contest gone); then its counter goes too.
                .then(live.changed(id))
                .then(live.forget(id)));
    }

    private Mono<String> uniqueSlug(String base, boolean generated, int attempt) {
        String candidate = attempt == 1 ? base : base + "-" + attempt;
        return contests.findBySlug(candidate).hasElement().flatMap(taken -> !taken ? Mono.just(candidate)
                : generated && attempt < 50 ? uniqueSlug(base, true, attempt + 1)
                : Mono.error(new InvalidRequestException("slug", "地址名已被其他赛事使用")));
    }

    private Contest build(Contest existing, SaveContest r, String slug) {
        SaveFormat f = r.format();
        Contest.DebateFormat format = f == null ? (existing == null ? Contest.defaultFormat() : existing.format())
                : new Contest.DebateFormat(f.name().strip(), f.debatersPerTeam(), f.speeches() == null ? List.of()
                        : f.speeches().stream().map(s -> new Contest.Speech(s.label().strip(), s.side(), s.position(), s.seconds())).toList());
        for (Contest.Speech speech : format.speeches()) {
            if (speech.position() > format.debatersPerTeam()) {
                throw new InvalidRequestException("format.speeches", "环节“" + speech.label() + "”的辩位超出了每队上场人数");
            }
        }
        SaveScoring s = r.scoring();
        Contest.ScoreRules scoring = s == null ? (existing == null ? Contest.defaultScoring() : existing.scoring())
                : new Contest.ScoreRules(s.min(), s.max(), s.step(), s.allowTiedTotals(), s.allowLowPointWin());
        if (!(scoring.min() >= 0 && scoring.max() > scoring.min() && scoring.step() > 0 && scoring.max() <= 1000)) {
            throw new InvalidRequestException("scoring", "评分范围有误：最高分须大于最低分，步长须大于 0");
        }
        if (r.breakSize() != 0 && !KnockoutDraw.validBreak(r.breakSize())) {
            throw new InvalidRequestException("breakSize", "晋级队伍数须为 0 或 2、4、8、16、32");
        }
        List<String> metrics = new ArrayList<>();
        for (String key : r.metrics()) {
            if (TeamMetrics.byKey(key).isEmpty()) {
                throw new InvalidRequestException("metrics", "未知的排名依据：" + key);
            }
            if (metrics.contains(key)) {
                throw new InvalidRequestException("metrics", "排名依据不能重复");
            }
            metrics.add(key);
        }
        return new Contest(existing == null ? null : existing.id(), slug, r.name().strip(), r.season().strip(),
                StringUtils.hasText(r.description()) ? r.description().strip() : null, format, scoring, r.namePolicy(),
                r.ballotsPublic(), r.prelimRounds(), r.breakSize(), r.panelSize(), List.copyOf(metrics), r.published(),
                existing == null ? clock.instant() : existing.createdAt(), clock.instant(),
                existing == null ? null : existing.version());
    }
}
