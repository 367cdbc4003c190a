package cn.fasheng.debate;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.account.Role;
import cn.fasheng.content.ContentService;
import cn.fasheng.content.DemoSeeding;
import cn.fasheng.debate.DebateRequests.MotionInput;
import cn.fasheng.debate.DebateRequests.Release;
import cn.fasheng.debate.DebateRequests.SaveBallot;
import cn.fasheng.debate.DebateRequests.SaveContest;
import cn.fasheng.debate.DebateRequests.SaveJudge;
import cn.fasheng.debate.DebateRequests.SaveRound;
import cn.fasheng.debate.DebateRequests.SaveVenue;
import cn.fasheng.debate.DebateRequests.ScoreInput;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds a demonstration contest (media-samples/demo/debate) on the first start of the embedded default, through
 * the same services editors use: the roster file, judges, venues, a first round with results and a second round
 * drawn, so that the contest pages show something and an editor can try live result entry.
 */
@Component
class DemoContestSeeder {

    // Publishes what it seeds, as a reviewer would.
    private static final ConsolePrincipal SEEDER = new ConsolePrincipal("demo", "演示数据", "演示数据", Set.of(Role.REVIEWER));

    record DemoJudge(String name, String affiliation) {
    }

    record DemoRound(OffsetDateTime startsAt, MotionInput motion, boolean results) {
    }

    record DemoContest(String name, String season, String slug, String description, NamePolicy namePolicy,
            boolean ballotsPublic, int prelimRounds, int breakSize, int panelSize, List<DemoJudge> judges,
            List<String> venues, List<DemoRound> rounds) {
    }

    private final DemoSeeding seeding;
    private final ContestRepository contests;
    private final ContentService column;
    private final ContestService contestService;
    private final RosterImport rosterImport;
    private final RosterService roster;
    private final RoundService rounds;
    private final DrawService draws;
    private final BallotService ballots;
    private final Tabulation tabulation;

    DemoContestSeeder(DemoSeeding seeding,
            ContestRepository contests, ContentService column, ContestService contestService, RosterImport rosterImport,
            RosterService roster, RoundService rounds, DrawService draws, BallotService ballots, Tabulation tabulation) {
        this.column = column;
        this.seeding = seeding;
        this.contests = contests;
        this.contestService = contestService;
        this.rosterImport = rosterImport;
        this.roster = roster;
        this.rounds = rounds;
        this.draws = draws;
        this.ballots = ballots;
        this.tabulation = tabulation;
    }

    /**
     * Before the demo column is seeded (hence the order): only a start on an empty column gets the demo contest,
     * never an existing site that has no contest yet.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void seedOnFirstStart() {
        seeding.once("demo-debate", "演示辩论赛", Mono.zip(contests.count(), column.columnIsEmpty())
                .map(first -> first.getT1() == 0 && first.getT2()), this::seed);
    }

    private Mono<String> seed() {
        DemoContest demo = DemoSeeding.read("debate/contest.json", in -> JsonMapper.builder().build().readValue(in, DemoContest.class));
        byte[] csv = DemoSeeding.read("debate/roster.csv", InputStream::readAllBytes);
        SaveContest settings = new SaveContest(demo.name(), demo.season(), demo.slug(), demo.description(), null, null,
                demo.namePolicy(), demo.ballotsPublic(), demo.prelimRounds(), demo.breakSize(), demo.panelSize(),
                Contest.defaultMetrics(), true, null);
        return contestService.create(settings, SEEDER, null).flatMap(contest -> rosterImport.importCsv(contest.id(), csv, SEEDER, null)
                .thenMany(Flux.fromIterable(demo.judges()).concatMap(j ->
                        roster.saveJudge(contest.id(), null, new SaveJudge(j.name(), j.affiliation(), List.of(), null), SEEDER, null)))
                .thenMany(Flux.fromIterable(demo.venues()).concatMap(v ->
                        roster.saveVenue(contest.id(), null, new SaveVenue(v, null, null), SEEDER, null)))
                .thenMany(Flux.fromIterable(demo.rounds()).concatMap(r -> round(contest.id(), r)))
                .then(Mono.just(contest.name())));
    }

    private Mono<Void> round(String contestId, DemoRound demo) {
        return rounds.create(contestId, new SaveRound(null, RoundStage.PRELIMINARY, demo.startsAt(), demo.motion(), null), SEEDER, null)
                .flatMap(round -> draws.generate(round.id(), SEEDER, null)
                        .then(demo.results() ? results(round) : Mono.empty())
                        .then(rounds.release(round.id(), new Release(true, true, demo.results(), null), SEEDER, null)))
                .then();
    }

    /** Every judge's ballot: the team listed first in the roster's order of schools wins, 2:1 in every other match. */
    private Mono<Void> results(Round round) {
        return tabulation.load(round.contestId()).flatMapMany(tab -> {
            List<String> order = new ArrayList<>(tab.teams.keySet());
            return Flux.fromIterable(tab.matches(tab.round(round.id())))
                    .concatMap(match -> {
                        Side stronger = order.indexOf(match.affirmativeTeamId()) < order.indexOf(match.negativeTeamId())
                                ? Side.AFFIRMATIVE : Side.NEGATIVE;
                        List<String> panel = match.judgeIds();
                        return Flux.range(0, panel.size()).concatMap(i -> {
                            Side winner = match.slot() % 2 == 0 && i == panel.size() - 1 ? stronger.other() : stronger;
                            return ballots.save(match.id(), panel.get(i), ballot(tab, match, winner, i), SEEDER, null);
                        });
                    });
        }).then();
    }

    private static SaveBallot ballot(ContestTab tab, Match match, Side winner, int judge) {
        List<ScoreInput> scores = new ArrayList<>();
        int positions = tab.contest.format().debatersPerTeam();
        for (Side side : Side.values()) {
            Team team = tab.teams.get(match.teamId(side));
            for (int p = 1; p <= positions; p++) {
                double base = side == winner ? 84 : 80;
                scores.add(new ScoreInput(side, p, team.debaters().get(p - 1).id(), base + ((p + judge) % 3) * 0.5));
            }
        }
        String best = tab.teams.get(match.teamId(winner)).debaters().get(judge % positions).id();
        return new SaveBallot(winner, scores, best, null, null);
    }
}
