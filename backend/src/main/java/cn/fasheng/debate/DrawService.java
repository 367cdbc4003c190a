package cn.fasheng.debate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import java.util.Random;

import org.bson.types.ObjectId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.debate.draw.KnockoutDraw;
import cn.fasheng.debate.draw.KnockoutDraw.KnockoutPairing;
import cn.fasheng.debate.draw.KnockoutDraw.Seeded;
import cn.fasheng.debate.draw.PanelAllocation;
import cn.fasheng.debate.draw.PanelAllocation.MatchSchools;
import cn.fasheng.debate.draw.PanelAllocation.PanelJudge;
import cn.fasheng.debate.draw.Pairing;
import cn.fasheng.debate.draw.PrelimDraw;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * Generates a round's draw (power-paired preliminaries, the seeded knockout) and places judges and venues. A draw
 * is replaced only while nobody has entered a ballot in it; the editor's changes to it are {@link DrawAdjustments}.
 */
@Service
class DrawService {

    private final Tabulation tabulation;
    private final RoundRepository rounds;
    private final MatchRepository matches;
    private final DebateLive live;
    private final AuditLog audit;
    private final Clock clock;
    private final Random random = new Random();

    DrawService(Tabulation tabulation, RoundRepository rounds, MatchRepository matches, DebateLive live, AuditLog audit,
            Clock clock) {
        this.tabulation = tabulation;
        this.rounds = rounds;
        this.matches = matches;
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
        return place(tab, round, drawId, pairings.stream().map(p -> new Drawn(p.affirmative(), p.negative(), null, null)).toList());
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
        return place(tab, round, drawId, pairings.stream().map(p -> new Drawn(p.affirmative().teamId(), p.negative().teamId(),
                seedOrNull(p.affirmative()), seedOrNull(p.negative()))).toList());
    }

    /** A pairing of either kind of draw, seeds for the knockout only. */
    private record Drawn(String affirmative, String negative, Integer affirmativeSeed, Integer negativeSeed) {
    }

    /** The draw's matches in order, with judges placed and venues in turn, all at the round's time. */
    private List<Match> place(ContestTab tab, Round round, String drawId, List<Drawn> pairings) {
        List<MatchSchools> schools = pairings.stream().map(p -> new MatchSchools(
                tab.teams.get(p.affirmative()).schoolId(), tab.teams.get(p.negative()).schoolId())).toList();
        List<List<String>> panels = PanelAllocation.allocate(schools, panelJudges(tab, round), tab.contest.panelSize());
        List<String> venueIds = new ArrayList<>(tab.venues.keySet());
        List<Match> drawn = new ArrayList<>();
        for (int i = 0; i < pairings.size(); i++) {
            Drawn p = pairings.get(i);
            drawn.add(new Match(null, tab.contest.id(), round.id(), drawId, i + 1, p.affirmative(), p.negative(),
                    venueIds.isEmpty() ? null : venueIds.get(i % venueIds.size()), null, panels.get(i), null, null,
                    p.affirmativeSeed(), p.negativeSeed(), null));
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
}
