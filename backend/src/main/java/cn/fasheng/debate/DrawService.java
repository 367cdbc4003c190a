package cn.fasheng.debate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import java.util.Random;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.content.ContentKind;
import cn.fasheng.content.ContentService;
import cn.fasheng.debate.DebateRequests.EditDraw;
import cn.fasheng.debate.DebateRequests.MatchEdit;
import cn.fasheng.debate.DebateRequests.SaveMatchDetails;
import cn.fasheng.debate.draw.KnockoutDraw;
import cn.fasheng.debate.draw.KnockoutDraw.KnockoutPairing;
import cn.fasheng.debate.draw.KnockoutDraw.Seeded;
import cn.fasheng.debate.draw.PanelAllocation;
import cn.fasheng.debate.draw.PanelAllocation.MatchSchools;
import cn.fasheng.debate.draw.PanelAllocation.PanelJudge;
import cn.fasheng.debate.draw.Pairing;
import cn.fasheng.debate.draw.PrelimDraw;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * Generates a round's draw (power-paired preliminaries, the seeded knockout), places judges and venues, and
 * takes the editor's adjustments. A draw is replaced only while nobody has entered a ballot in it.
 */
@Service
class DrawService {

    private final Tabulation tabulation;
    private final RoundRepository rounds;
    private final MatchRepository matches;
    private final ContentService contents;
    private final DebateLive live;
    private final AuditLog audit;
    private final Clock clock;
    private final Random random = new Random();

    DrawService(Tabulation tabulation, RoundRepository rounds, MatchRepository matches, ContentService contents,
            DebateLive live, AuditLog audit, Clock clock) {
        this.tabulation = tabulation;
        this.rounds = rounds;
        this.matches = matches;
        this.contents = contents;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<Void> generate(String roundId, ConsolePrincipal user, String ip) {
        return rounds.findById(roundId).switchIfEmpty(Mono.error(() -> new NotFoundException("轮次不存在")))
                .flatMap(round -> tabulation.load(round.contestId()).flatMap(tab -> {
                    List<Match> old = tab.matches(round);
                    if (old.stream().anyMatch(m -> !tab.ballots(m).isEmpty())) {
                        return Mono.error(new ConflictException("本轮已有评分表，不能重新生成对阵"));
                    }
                    if (tab.rounds.stream().anyMatch(r -> r.seq() > round.seq() && !tab.matches(r).isEmpty())) {
                        return Mono.error(new ConflictException("之后的轮次已有对阵，不能重新生成本轮"));
                    }
                    String drawId = new ObjectId().toHexString();
                    List<Match> drawn = round.isKnockout() ? knockout(tab, round, drawId) : prelim(tab, round, drawId);
                    // The round first, conditioned on its version: of two editors generating at once, one is refused
                    // before writing anything. Its matches then carry the new draw's id; the old ones are ignored from
                    // that moment and removed after.
                    return rounds.save(round.withDraw(drawId, clock.instant()))
                            .onErrorMap(OptimisticLockingFailureException.class,
                                    e -> new ConflictException(round.name() + "已被他人修改，请刷新后重试"))
                            .then(matches.insert(drawn).then())
                            .then(matches.deleteAll(old))
                            .then(audit.record(user.username(), DebateAction.DRAW_GENERATE, round.id(), ip,
                                    round.name() + " " + drawn.size() + " 场"))
                            .then(live.changed(round.contestId()));
                }));
    }

    private List<Match> prelim(ContestTab tab, Round round, String drawId) {
        for (Round earlier : tab.prelims()) {
            if (earlier.seq() < round.seq() && !tab.complete(earlier)) {
                long open = tab.matches(earlier).stream().filter(m -> !tab.outcome(m).decided()).count();
                throw new ConflictException(earlier.name() + (open == 0 ? "还没有对阵" : "还有 " + open + " 场比赛没有结果")
                        + "，请录入后再生成本轮对阵");
            }
        }
        int teams = tab.teams.size();
        if (teams < 2 || teams % 2 != 0) {
            throw new ConflictException("参赛队伍为 " + teams + " 支；生成对阵需要偶数支队伍（至少 2 支）");
        }
        boolean first = tab.prelims().stream().noneMatch(r -> r.seq() < round.seq());
        List<Pairing> pairings = PrelimDraw.pair(tab.drawTeams(round), first, random);
        List<MatchSchools> schools = pairings.stream().map(p -> new MatchSchools(
                tab.teams.get(p.affirmative()).schoolId(), tab.teams.get(p.negative()).schoolId())).toList();
        List<List<String>> panels = PanelAllocation.allocate(schools, panelJudges(tab, round), tab.contest.panelSize());
        List<String> venueIds = new ArrayList<>(tab.venues.keySet());
        List<Match> drawn = new ArrayList<>();
        for (int i = 0; i < pairings.size(); i++) {
            Pairing p = pairings.get(i);
            drawn.add(new Match(null, tab.contest.id(), round.id(), drawId, i + 1, p.affirmative(), p.negative(),
                    venueIds.isEmpty() ? null : venueIds.get(i % venueIds.size()), null, panels.get(i), null, null,
                    null, null, null));
        }
        return drawn;
    }

    private List<Match> knockout(ContestTab tab, Round round, String drawId) {
        List<Round> knockouts = tab.knockouts();
        Round previous = knockouts.stream().filter(r -> r.seq() < round.seq()).reduce((a, b) -> b).orElse(null);
        List<KnockoutPairing> pairings;
        if (previous == null) {
            for (Round prelim : tab.prelims()) {
                if (!tab.complete(prelim)) {
                    throw new ConflictException(prelim.name() + "还没有全部出结果，淘汰赛需在预赛结束后生成");
                }
            }
            int size = tab.contest.breakSize();
            if (tab.teams.size() < size) {
                throw new ConflictException("参赛队伍少于晋级队伍数 " + size);
            }
            List<String> broken = tab.teamStandings(r -> true).stream().limit(size).map(row -> row.record().teamId()).toList();
            pairings = KnockoutDraw.first(broken);
        }
        else {
            if (!tab.complete(previous)) {
                throw new ConflictException(previous.name() + "还没有全部出结果");
            }
            List<Seeded> winners = tab.matches(previous).stream().map(m -> {
                Side side = tab.outcome(m).winner();
                // A team without a seed (only possible by hand) ranks below every seeded one.
                return new Seeded(m.teamId(side), m.seed(side) == null ? Integer.MAX_VALUE : m.seed(side));
            }).toList();
            if (winners.size() < 2) {
                throw new ConflictException("淘汰赛已经决出冠军");
            }
            pairings = KnockoutDraw.next(winners);
        }
        List<MatchSchools> schools = pairings.stream().map(p -> new MatchSchools(
                tab.teams.get(p.affirmative().teamId()).schoolId(), tab.teams.get(p.negative().teamId()).schoolId())).toList();
        List<List<String>> panels = PanelAllocation.allocate(schools, panelJudges(tab, round), tab.contest.panelSize());
        List<String> venueIds = new ArrayList<>(tab.venues.keySet());
        List<Match> drawn = new ArrayList<>();
        for (int i = 0; i < pairings.size(); i++) {
            KnockoutPairing p = pairings.get(i);
            drawn.add(new Match(null, tab.contest.id(), round.id(), drawId, i + 1, p.affirmative().teamId(), p.negative().teamId(),
                    venueIds.isEmpty() ? null : venueIds.get(i % venueIds.size()), null, panels.get(i), null, null,
                    seedOrNull(p.affirmative()), seedOrNull(p.negative()), null));
        }
        return drawn;
    }

    private static Integer seedOrNull(Seeded seeded) {
        return seeded.seed() == Integer.MAX_VALUE ? null : seeded.seed();
    }

    private static List<PanelJudge> panelJudges(ContestTab tab, Round round) {
        Map<String, Integer> sat = new HashMap<>();
        tab.earlier(round).stream().filter(m -> m.judgeIds() != null).forEach(m -> m.judgeIds().forEach(id -> sat.merge(id, 1, Integer::sum)));
        return tab.judges.values().stream().map(j -> new PanelJudge(j.id(),
                new HashSet<>(j.conflictSchoolIds() == null ? List.of() : j.conflictSchoolIds()),
                sat.getOrDefault(j.id(), 0))).toList();
    }

    /** The editor's adjustments to a whole round at once (swapping teams touches two matches). */
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
                        if (e.venueId() != null && !e.venueId().isBlank() && !tab.venues.containsKey(e.venueId())) {
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
                                e.negativeTeamId(), e.venueId() == null || e.venueId().isBlank() ? null : e.venueId(),
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
                            blank(request.videoContentId()) ? null : request.videoContentId(),
                            m.affirmativeSeed(), m.negativeSeed(), m.version());
                    return matches.save(updated).onErrorMap(OptimisticLockingFailureException.class,
                            ex -> new ConflictException("第 " + m.slot() + " 场已被他人修改，请刷新后重试"));
                })))
                .flatMap(saved -> audit.record(user.username(), DebateAction.DRAW_EDIT, saved.id(), ip, "比赛辩题或视频")
                        .then(live.changed(saved.contestId())).thenReturn(saved));
    }

    private Mono<Void> video(String contentId) {
        if (blank(contentId)) {
            return Mono.empty();
        }
        return contents.get(contentId)
                .onErrorMap(NotFoundException.class, e -> new InvalidRequestException("videoContentId", "所选视频不存在"))
                .flatMap(c -> c.getKind() == ContentKind.ARTICLE
                        ? Mono.error(new InvalidRequestException("videoContentId", "请选择视频或动画，而不是文章"))
                        : Mono.empty()).then();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
