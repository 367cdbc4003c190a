package cn.fasheng.debate;

import java.util.ArrayList;
import java.util.List;

import cn.fasheng.debate.DebateViews.BallotSheet;
import cn.fasheng.debate.DebateViews.BallotView;
import cn.fasheng.debate.DebateViews.BracketMatchView;
import cn.fasheng.debate.DebateViews.BracketRoundView;
import cn.fasheng.debate.DebateViews.DebateBracketView;
import cn.fasheng.debate.DebateViews.DebateJudgeView;
import cn.fasheng.debate.DebateViews.DebateMatchView;
import cn.fasheng.debate.DebateViews.DebateMetricOption;
import cn.fasheng.debate.DebateViews.DebateRosterView;
import cn.fasheng.debate.DebateViews.DebateRoundView;
import cn.fasheng.debate.DebateViews.DebateSchoolView;
import cn.fasheng.debate.DebateViews.DebateStandingsView;
import cn.fasheng.debate.DebateViews.DebateTeamView;
import cn.fasheng.debate.DebateViews.DebateVenueView;
import cn.fasheng.debate.DebateViews.DebaterView;
import cn.fasheng.debate.DebateViews.DrawConflictView;
import cn.fasheng.debate.DebateViews.MatchJudgeView;
import cn.fasheng.debate.DebateViews.MatchOutcomeView;
import cn.fasheng.debate.DebateViews.MatchTeamView;
import cn.fasheng.debate.DebateViews.SpeakerStandingView;
import cn.fasheng.debate.DebateViews.TeamStandingView;
import cn.fasheng.debate.standings.TeamMetrics;

/** The console's views of a contest tab. */
final class TabViews {

    private TabViews() {
    }

    static DebateRosterView roster(ContestTab tab) {
        return new DebateRosterView(
                tab.schools.values().stream().map(s -> new DebateSchoolView(s.id(), s.name(),
                        (int) tab.teams.values().stream().filter(t -> t.schoolId().equals(s.id())).count(), s.version())).toList(),
                tab.teams.values().stream().map(t -> new DebateTeamView(t.id(), t.schoolId(), tab.schoolName(t), t.name(),
                        t.debaters().stream().map(d -> new DebaterView(d.id(), d.name())).toList(), t.version())).toList(),
                tab.judges.values().stream().map(j -> new DebateJudgeView(j.id(), j.name(), j.affiliation(),
                        j.conflictSchoolIds() == null ? List.of() : j.conflictSchoolIds(), j.version())).toList(),
                tab.venues.values().stream().map(v -> new DebateVenueView(v.id(), v.name(), v.address(), v.version())).toList());
    }

    static List<DebateRoundView> rounds(ContestTab tab) {
        return tab.rounds.stream().map(r -> round(tab, r)).toList();
    }

    static DebateRoundView round(ContestTab tab, Round r) {
        return new DebateRoundView(r.id(), r.seq(), r.name(), r.stage(), r.startsAt(), r.motion(), r.drawReleased(),
                r.motionReleased(), r.resultsReleased(), r.drawnAt(), tab.complete(r),
                tab.matches(r).stream().map(m -> match(tab, m)).toList(),
                tab.conflicts(r).stream().map(c -> new DrawConflictView(c.slot(), c.kind(), c.message())).toList(), r.version());
    }

    static DebateMatchView match(ContestTab tab, Match m) {
        MatchOutcome o = tab.outcome(m);
        List<Ballot> ballots = tab.ballots(m);
        List<MatchJudgeView> judges = (m.judgeIds() == null ? List.<String>of() : m.judgeIds()).stream()
                .map(id -> new MatchJudgeView(id, tab.judges.containsKey(id) ? tab.judges.get(id).name() : "（已删除）",
                        ballots.stream().anyMatch(b -> b.judgeId().equals(id)))).toList();
        Venue venue = m.venueId() == null ? null : tab.venues.get(m.venueId());
        Round round = tab.round(m.roundId());
        return new DebateMatchView(m.id(), m.roundId(), m.slot(), team(tab, m, Side.AFFIRMATIVE), team(tab, m, Side.NEGATIVE),
                m.venueId(), venue == null ? null : venue.name(),
                m.startsAt() != null ? m.startsAt() : round == null ? null : round.startsAt(), m.startsAt(), judges, m.motion(),
                m.videoContentId(), new MatchOutcomeView(o.ballotsIn(), o.ballotsExpected(), o.decided(), o.split(), o.winner(),
                        o.affirmativeBallots(), o.negativeBallots(), o.affirmativeScore(), o.negativeScore(),
                        o.bestDebaterId(), tab.debaterName(o.bestDebaterId())), m.version());
    }

    static MatchTeamView team(ContestTab tab, Match m, Side side) {
        Team team = tab.teams.get(m.teamId(side));
        return new MatchTeamView(m.teamId(side), team == null ? "（已删除的队伍）" : team.name(), tab.schoolName(team), m.seed(side));
    }

    static BallotSheet sheet(ContestTab tab, Match m) {
        Round round = tab.round(m.roundId());
        Motion motion = m.motion() != null ? m.motion() : round.motion();
        return new BallotSheet(tab.contest.id(), tab.contest.name(), round.name(), match(tab, m), motion, tab.contest.format().debatersPerTeam(),
                tab.contest.scoring(), debaters(tab, m, Side.AFFIRMATIVE), debaters(tab, m, Side.NEGATIVE),
                tab.ballots(m).stream().map(b -> new BallotView(b.id(), b.judgeId(),
                        tab.judges.containsKey(b.judgeId()) ? tab.judges.get(b.judgeId()).name() : "（已删除）", b.winner(),
                        b.scores(), b.bestDebaterId(), b.enteredBy(), b.enteredAt(), b.corrections(), b.version())).toList());
    }

    private static List<DebaterView> debaters(ContestTab tab, Match m, Side side) {
        Team team = tab.teams.get(m.teamId(side));
        return team == null ? List.of() : team.debaters().stream().map(d -> new DebaterView(d.id(), d.name())).toList();
    }

    static DebateStandingsView standings(ContestTab tab) {
        List<TeamStandingView> teams = tab.teamStandings(r -> true).stream().map(row -> {
            Team team = tab.teams.get(row.record().teamId());
            return new TeamStandingView(row.rank(), row.tied(), team.id(), team.name(), tab.schoolName(team),
                    row.record().played(), row.values());
        }).toList();
        List<SpeakerStandingView> speakers = tab.speakerStandings(r -> true).stream().map(row -> {
            Team team = tab.teams.get(row.speaker().teamId());
            return new SpeakerStandingView(row.rank(), row.tied(), row.speaker().debaterId(), row.speaker().name(),
                    team.name(), row.average(), row.speaker().scores().size(), row.speaker().bestDebater());
        }).toList();
        return new DebateStandingsView(TeamMetrics.of(tab.contest.metrics()).stream().map(DebateMetricOption::of).toList(),
                teams, speakers, tab.contest.breakSize());
    }

    /** The knockout as drawn; a winner shows only where {@code resultsShown} is true for the round. */
    static DebateBracketView bracket(ContestTab tab, boolean onlyReleased) {
        List<BracketRoundView> rounds = new ArrayList<>();
        MatchTeamView champion = null;
        for (Round r : tab.knockouts()) {
            if (onlyReleased && !r.drawReleased()) {
                continue;
            }
            boolean results = !onlyReleased || PublicTab.resultsPublic(r);
            List<BracketMatchView> matches = tab.matches(r).stream().map(m -> {
                MatchOutcome o = tab.outcome(m);
                return new BracketMatchView(m.id(), m.slot(), team(tab, m, Side.AFFIRMATIVE), team(tab, m, Side.NEGATIVE),
                        results ? o.winner() : null, results ? o.affirmativeBallots() : 0, results ? o.negativeBallots() : 0);
            }).toList();
            rounds.add(new BracketRoundView(r.id(), r.name(), matches));
            if (matches.size() == 1 && matches.get(0).winner() != null) {
                BracketMatchView last = matches.get(0);
                champion = last.winner() == Side.AFFIRMATIVE ? last.affirmative() : last.negative();
            }
            else {
                champion = null;
            }
        }
        return new DebateBracketView(rounds, champion);
    }

}
