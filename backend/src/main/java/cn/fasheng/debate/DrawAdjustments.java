package cn.fasheng.debate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.content.ContentKind;
import cn.fasheng.content.ContentService;
import cn.fasheng.debate.DebateRequests.EditDraw;
import cn.fasheng.debate.DebateRequests.MatchEdit;
import cn.fasheng.debate.DebateRequests.SaveMatchDetails;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * The editor's changes to a drawn round: teams, venues, times and panels of the whole round at once (a swap
 * touches two matches), and a match's own motion and video. Results the next knockout round was drawn from stay.
 */
@Service
class DrawAdjustments {

    private final Tabulation tabulation;
    private final RoundRepository rounds;
    private final MatchRepository matches;
    private final ContentService contents;
    private final DebateLive live;
    private final AuditLog audit;

    DrawAdjustments(Tabulation tabulation, RoundRepository rounds, MatchRepository matches, ContentService contents,
            DebateLive live, AuditLog audit) {
        this.tabulation = tabulation;
        this.rounds = rounds;
        this.matches = matches;
        this.contents = contents;
        this.live = live;
        this.audit = audit;
    }

    Mono<Void> edit(String roundId, EditDraw request, ConsolePrincipal user, String ip) {
        return rounds.findById(roundId).switchIfEmpty(Mono.error(() -> new NotFoundException("轮次不存在")))
                .flatMap(round -> tabulation.load(round.contestId()).flatMap(tab -> {
                    List<Match> current = tab.matches(round);
                    Map<String, Match> byId = new HashMap<>();
                    current.forEach(m -> byId.put(m.id(), m));
                    Set<String> edited = new HashSet<>();
                    Set<String> placed = new HashSet<>();
                    Map<String, Integer> seeds = new HashMap<>();
                    current.forEach(m -> {
                        if (m.affirmativeSeed() != null) {
                            seeds.put(m.affirmativeTeamId(), m.affirmativeSeed());
                        }
                        if (m.negativeSeed() != null) {
                            seeds.put(m.negativeTeamId(), m.negativeSeed());
                        }
                    });
                    Set<String> requested = new HashSet<>();
                    request.matches().forEach(e -> {
                        requested.add(e.affirmativeTeamId());
                        requested.add(e.negativeTeamId());
                    });
                    List<Match> changed = new ArrayList<>();
                    for (MatchEdit e : request.matches()) {
                        Match m = byId.get(e.id());
                        if (m == null || !edited.add(e.id())) {
                            throw new InvalidRequestException("matches", "对阵中有不属于本轮或重复的比赛");
                        }
                        if (e.version() != null && !e.version().equals(m.version())) {
                            throw new ConflictException("第 " + m.slot() + " 场已被他人修改，请刷新后重试");
                        }
                        if (!tab.teams.containsKey(e.affirmativeTeamId()) || !tab.teams.containsKey(e.negativeTeamId())) {
                            throw new InvalidRequestException("matches", "第 " + m.slot() + " 场的队伍不存在");
                        }
                        if (e.affirmativeTeamId().equals(e.negativeTeamId())) {
                            throw new InvalidRequestException("matches", "第 " + m.slot() + " 场正反方是同一支队伍");
                        }
                        for (String team : List.of(e.affirmativeTeamId(), e.negativeTeamId())) {
                            if (!placed.add(team)) {
                                throw new InvalidRequestException("matches", tab.teams.get(team).name() + "在本轮被安排了两场");
                            }
                        }
                        if (StringUtils.hasText(e.venueId()) && !tab.venues.containsKey(e.venueId())) {
                            throw new InvalidRequestException("matches", "第 " + m.slot() + " 场的场地不存在");
                        }
                        List<String> judges = e.judgeIds() == null ? List.of() : e.judgeIds().stream().distinct().toList();
                        for (String judge : judges) {
                            if (!tab.judges.containsKey(judge)) {
                                throw new InvalidRequestException("matches", "第 " + m.slot() + " 场的评委不存在");
                            }
                        }
                        List<Ballot> ballots = tab.ballots(m);
                        boolean nextDrawn = round.isKnockout() && tab.knockouts().stream()
                                .anyMatch(r -> r.seq() > round.seq() && !tab.matches(r).isEmpty());
                        if (nextDrawn && (!judges.equals(m.judgeIds()) || !e.affirmativeTeamId().equals(m.affirmativeTeamId())
                                || !e.negativeTeamId().equals(m.negativeTeamId()))) {
                            throw new ConflictException("下一轮对阵已按本轮结果生成，第 " + m.slot() + " 场不能再更换队伍或评委");
                        }
                        if (!ballots.isEmpty()) {
                            if (!e.affirmativeTeamId().equals(m.affirmativeTeamId()) || !e.negativeTeamId().equals(m.negativeTeamId())) {
                                throw new ConflictException("第 " + m.slot() + " 场已有评分表，不能更换队伍或交换持方");
                            }
                            if (ballots.stream().anyMatch(b -> !judges.contains(b.judgeId()))) {
                                throw new ConflictException("第 " + m.slot() + " 场有评委已提交评分表，不能移出该评委");
                            }
                        }
                        Match updated = new Match(m.id(), m.contestId(), m.roundId(), m.drawId(), m.slot(), e.affirmativeTeamId(),
                                e.negativeTeamId(), StringUtils.hasText(e.venueId()) ? e.venueId() : null,
                                e.startsAt() == null ? null : e.startsAt().toInstant(), judges, m.motion(),
                                m.videoContentId(), seed(seeds, requested, m, Side.AFFIRMATIVE, e.affirmativeTeamId()),
                                seed(seeds, requested, m, Side.NEGATIVE, e.negativeTeamId()), m.version());
                        if (!updated.equals(m)) {
                            changed.add(updated);
                        }
                    }
                    if (edited.size() != current.size()) {
                        throw new InvalidRequestException("matches", "请提交本轮的全部比赛");
                    }
                    if (request.version() != null && !request.version().equals(round.version())) {
                        throw new ConflictException(round.name() + "已被他人修改，请刷新后重试");
                    }
                    // The round is saved first (its version moves on), so that of two editors adjusting one draw at
                    // once the second is refused before any of its matches is written.
                    return rounds.save(round).onErrorMap(OptimisticLockingFailureException.class,
                                    ex -> new ConflictException(round.name() + "已被他人修改，请刷新后重试"))
                            .then(matches.saveAll(changed).then())
                            .onErrorMap(OptimisticLockingFailureException.class, ex -> new ConflictException("对阵已被他人修改，请刷新后重试"))
                            .then(audit.record(user.username(), DebateAction.DRAW_EDIT, round.id(), ip,
                                    round.name() + " 调整 " + changed.size() + " 场"))
                            .then(live.changed(round.contestId()));
                }));
    }

    /**
     * A knockout team keeps its seed; a team brought in by hand in place of one no longer in the round takes over
     * that team's seed (its place in the bracket).
     */
    private static Integer seed(Map<String, Integer> seeds, Set<String> requested, Match before, Side side, String team) {
        Integer seed = seeds.get(team);
        String replaced = before.teamId(side);
        return seed != null || requested.contains(replaced) ? seed : seeds.get(replaced);
    }

    Mono<Match> details(String matchId, SaveMatchDetails request, ConsolePrincipal user, String ip) {
        return matches.findById(matchId).switchIfEmpty(Mono.error(() -> new NotFoundException("比赛不存在")))
                .flatMap(m -> request.version() != null && !request.version().equals(m.version())
                        ? Mono.error(new ConflictException("第 " + m.slot() + " 场已被他人修改，请刷新后重试"))
                        : video(request.videoContentId()).then(Mono.defer(() -> {
                    Match updated = new Match(m.id(), m.contestId(), m.roundId(), m.drawId(), m.slot(), m.affirmativeTeamId(),
                            m.negativeTeamId(), m.venueId(), m.startsAt(), m.judgeIds(), RoundService.motion(request.motion()),
                            StringUtils.hasText(request.videoContentId()) ? request.videoContentId() : null,
                            m.affirmativeSeed(), m.negativeSeed(), m.version());
                    return matches.save(updated).onErrorMap(OptimisticLockingFailureException.class,
                            ex -> new ConflictException("第 " + m.slot() + " 场已被他人修改，请刷新后重试"));
                })))
                .flatMap(saved -> audit.record(user.username(), DebateAction.DRAW_EDIT, saved.id(), ip, "比赛辩题或视频")
                        .then(live.changed(saved.contestId())).thenReturn(saved));
    }

    private Mono<Void> video(String contentId) {
        if (!StringUtils.hasText(contentId)) {
            return Mono.empty();
        }
        return contents.get(contentId)
                .onErrorMap(NotFoundException.class, e -> new InvalidRequestException("videoContentId", "所选视频不存在"))
                .flatMap(c -> c.getKind() == ContentKind.ARTICLE
                        ? Mono.error(new InvalidRequestException("videoContentId", "请选择视频或动画，而不是文章"))
                        : Mono.empty()).then();
    }
}
