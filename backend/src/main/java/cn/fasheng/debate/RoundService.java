package cn.fasheng.debate;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.debate.DebateRequests.MotionInput;
import cn.fasheng.debate.DebateRequests.Release;
import cn.fasheng.debate.DebateRequests.SaveRound;
import cn.fasheng.debate.draw.KnockoutDraw;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * The rounds of a contest: the preliminaries first (as many as the contest plans), then the knockout rounds the
 * break size allows; their names, times and motions, and what of them the public may see.
 */
@Service
class RoundService {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};

    private final Tabulation tabulation;
    private final RoundRepository rounds;
    private final MatchRepository matches;
    private final DebateLive live;
    private final AuditLog audit;

    RoundService(Tabulation tabulation, RoundRepository rounds, MatchRepository matches, DebateLive live, AuditLog audit) {
        this.tabulation = tabulation;
        this.rounds = rounds;
        this.matches = matches;
        this.live = live;
        this.audit = audit;
    }

    Mono<Round> create(String contestId, SaveRound request, ConsolePrincipal user, String ip) {
        return tabulation.load(contestId).flatMap(tab -> {
            int prelims = tab.prelims().size();
            int knockouts = tab.knockouts().size();
            String name;
            if (request.stage() == RoundStage.PRELIMINARY) {
                if (knockouts > 0) {
                    return Mono.error(new ConflictException("淘汰赛已经开始，不能再增加预赛轮次"));
                }
                if (prelims >= tab.contest.prelimRounds()) {
                    return Mono.error(new ConflictException("预赛已有设定的 " + tab.contest.prelimRounds() + " 轮；如需增加，请先修改赛事设置"));
                }
                name = "第" + NUMERALS[Math.min(prelims, NUMERALS.length - 1)] + "轮";
            }
            else {
                int teams = tab.contest.breakSize() >> knockouts;
                if (tab.contest.breakSize() == 0) {
                    return Mono.error(new ConflictException("本赛事未设淘汰赛（晋级队伍数为 0）"));
                }
                if (teams < 2) {
                    return Mono.error(new ConflictException("淘汰赛各轮已全部建立"));
                }
                name = KnockoutDraw.roundName(teams);
            }
            int seq = tab.rounds.stream().mapToInt(Round::seq).max().orElse(0) + 1;
            Round round = new Round(null, contestId, seq, StringUtils.hasText(request.name()) ? request.name().strip() : name,
                    request.stage(), request.startsAt() == null ? null : request.startsAt().toInstant(),
                    motion(request.motion()), false, false, false, null, null, null);
            return rounds.save(round).onErrorMap(DuplicateKeyException.class,
                    e -> new ConflictException("刚刚已有人新建了一轮，请刷新后重试"));
        }).flatMap(saved -> changed(saved, user, ip, "新建 " + saved.name()).thenReturn(saved));
    }

    Mono<Round> update(String roundId, SaveRound request, ConsolePrincipal user, String ip) {
        return get(roundId).flatMap(round -> {
            stale(round, request.version());
            if (request.stage() != round.stage()) {
                return Mono.error(new InvalidRequestException("stage", "轮次建立后不能改为预赛或淘汰赛"));
            }
            Instant startsAt = request.startsAt() == null ? null : request.startsAt().toInstant();
            Round updated = round.withDetails(StringUtils.hasText(request.name()) ? request.name().strip() : round.name(), startsAt,
                    motion(request.motion()));
            return rounds.save(updated).onErrorMap(OptimisticLockingFailureException.class,
                    e -> new ConflictException(round.name() + "已被他人修改，请刷新后重试"));
        }).flatMap(saved -> changed(saved, user, ip, "修改 " + saved.name()).thenReturn(saved));
    }

    /** Only the last round, and only while no ballot has been entered in it. */
    Mono<Void> delete(String roundId, ConsolePrincipal user, String ip) {
        return get(roundId).flatMap(round -> tabulation.load(round.contestId()).flatMap(tab -> {
            if (tab.rounds.stream().anyMatch(r -> r.seq() > round.seq())) {
                return Mono.error(new ConflictException("只能删除最后一轮"));
            }
            if (tab.matches(round).stream().anyMatch(m -> !tab.ballots(m).isEmpty())) {
                return Mono.error(new ConflictException("本轮已有评分表，不能删除"));
            }
            return matches.deleteByRoundId(round.id()).then(rounds.delete(round))
                    .then(changed(round, user, ip, "删除 " + round.name()));
        }));
    }

    Mono<Round> release(String roundId, Release request, ConsolePrincipal user, String ip) {
        return get(roundId).flatMap(round -> tabulation.load(round.contestId()).flatMap(tab -> {
            stale(round, request.version());
            boolean draw = request.draw() == null ? round.drawReleased() : request.draw();
            boolean motion = request.motion() == null ? round.motionReleased() : request.motion();
            boolean results = request.results() == null ? round.resultsReleased() : request.results();
            if ((draw || results) && tab.matches(round).isEmpty()) {
                return Mono.error(new ConflictException("本轮还没有对阵，无法公开"));
            }
            if (motion && round.motion() == null && tab.matches(round).stream().allMatch(m -> m.motion() == null)) {
                return Mono.error(new ConflictException("本轮还没有填写辩题，无法公开"));
            }
            Round updated = round.withRelease(draw, motion, results);
            return rounds.save(updated).onErrorMap(OptimisticLockingFailureException.class,
                    e -> new ConflictException(round.name() + "已被他人修改，请刷新后重试"));
        })).flatMap(saved -> audit.record(user.username(), DebateAction.RELEASE, saved.id(), ip, saved.name()
                        + " 对阵" + on(saved.drawReleased()) + " 辩题" + on(saved.motionReleased()) + " 成绩" + on(saved.resultsReleased()))
                .then(live.changed(saved.contestId())).thenReturn(saved));
    }

    /** A change based on an older version of the round (someone else changed it meanwhile) is refused. */
    private static void stale(Round round, Long version) {
        if (version != null && !version.equals(round.version())) {
            throw new ConflictException(round.name() + "已被他人修改，请刷新后重试");
        }
    }

    Mono<Round> get(String roundId) {
        return rounds.findById(roundId).switchIfEmpty(Mono.error(() -> new NotFoundException("轮次不存在")));
    }

    private Mono<Void> changed(Round round, ConsolePrincipal user, String ip, String detail) {
        return audit.record(user.username(), DebateAction.ROUND_EDIT, round.id(), ip, detail).then(live.changed(round.contestId()));
    }

    static Motion motion(MotionInput input) {
        if (input == null || !StringUtils.hasText(input.text())) {
            return null;
        }
        return new Motion(input.text().strip(), StringUtils.hasText(input.affirmative()) ? input.affirmative().strip() : null,
                StringUtils.hasText(input.negative()) ? input.negative().strip() : null);
    }

    private static String on(boolean released) {
        return released ? "公开" : "未公开";
    }
}
