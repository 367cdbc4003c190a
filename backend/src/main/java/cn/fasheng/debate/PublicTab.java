package cn.fasheng.debate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import cn.fasheng.content.PublishedContent.Card;
import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.debate.standings.TeamMetric;
import cn.fasheng.debate.standings.TeamMetrics;

/**
 * A contest as the public may see it: only released draws, motions and results, debaters named as the contest's
 * privacy rule says (their full names never reach the page otherwise), judges' ballots only where published.
 */
public final class PublicTab {

    private static final String[] POSITIONS = {"一", "二", "三", "四", "五", "六", "七", "八"};

    private final ContestTab tab;
    private final Map<String, Card> videos;
    private List<PublicRound> rounds;

    PublicTab(ContestTab tab, Map<String, Card> videos) {
        this.tab = tab;
        this.videos = videos;
    }

    public record PublicSpeaker(String position, String name, String score) {
    }

    public record PublicBallot(String judge, String winner, String affirmativeTotal, String negativeTotal,
            List<PublicSpeaker> affirmative, List<PublicSpeaker> negative, String bestDebater) {
    }

    public record PublicMatch(String id, int slot, String round, String affirmative, String affirmativeSchool,
            Integer affirmativeSeed, String negative, String negativeSchool, Integer negativeSeed, String venue,
            String startsAt, String startsIso, List<String> judges, Motion motion, boolean resultShown, boolean decided,
            String winnerSide, String winner, int affirmativeBallots, int negativeBallots, String affirmativeScore,
            String negativeScore, String bestDebater, String bestDebaterTeam, String progress, List<PublicBallot> ballots,
            Card video) {

        public String title() {
            return affirmative + " 对 " + negative;
        }
    }

    public record PublicRound(String id, String name, String stage, String startsAt, Motion motion, boolean drawShown,
            boolean resultsShown, List<PublicMatch> matches) {
    }

    public record TeamRow(String rank, String team, String school, int played, List<String> values, boolean breaking) {
    }

    public record SpeakerRow(String rank, String name, String team, String average, int matches, int bestDebater) {
    }

    /** Built once per page: the sections (best debaters, videos, motions) are all read from it. */
    public List<PublicRound> rounds() {
        if (rounds == null) {
            rounds = build();
        }
        return rounds;
    }

    private List<PublicRound> build() {
        List<PublicRound> rounds = new ArrayList<>();
        for (Round r : tab.rounds) {
            if (!r.drawReleased() && !r.motionReleased()) {
                continue;
            }
            // Results only ever show on a released draw: a draw generated again is hidden until released again.
            boolean draw = r.drawReleased();
            List<PublicMatch> matches = draw ? tab.matches(r).stream().map(m -> match(r, m)).toList() : List.of();
            rounds.add(new PublicRound(r.id(), r.name(), r.stage().label(), ShanghaiTime.format(r.startsAt()),
                    r.motionReleased() ? r.motion() : null, draw, draw && r.resultsReleased(), matches));
        }
        return rounds;
    }

    private PublicMatch match(Round r, Match m) {
        MatchOutcome o = tab.outcome(m);
        boolean shown = resultsPublic(r);
        boolean scores = tab.contest.ballotsPublic();
        Team aff = tab.teams.get(m.affirmativeTeamId());
        Team neg = tab.teams.get(m.negativeTeamId());
        Venue venue = m.venueId() == null ? null : tab.venues.get(m.venueId());
        java.time.Instant at = m.startsAt() != null ? m.startsAt() : r.startsAt();
        List<String> judges = (m.judgeIds() == null ? List.<String>of() : m.judgeIds()).stream()
                .map(tab.judges::get).filter(j -> j != null).map(Judge::name).toList();
        Motion motion = !r.motionReleased() ? null : m.motion() != null ? m.motion() : r.motion();
        List<PublicBallot> ballots = shown && o.decided() && tab.contest.ballotsPublic()
                ? tab.ballots(m).stream().map(b -> ballot(m, b)).toList() : List.of();
        String best = shown && o.decided() ? debater(o.bestDebaterId()) : null;
        return new PublicMatch(m.id(), m.slot(), r.name(), name(aff), tab.schoolName(aff), m.affirmativeSeed(), name(neg),
                tab.schoolName(neg), m.negativeSeed(), venue == null ? null : venue.name(), ShanghaiTime.format(at),
                ShanghaiTime.iso(at), judges, motion, shown, shown && o.decided(),
                shown && o.decided() ? o.winner().label() : null,
                shown && o.decided() ? name(tab.teams.get(m.teamId(o.winner()))) : null,
                o.affirmativeBallots(), o.negativeBallots(), scores ? score(o.affirmativeScore()) : "",
                scores ? score(o.negativeScore()) : "", best,
                best == null ? null : teamOf(o.bestDebaterId()),
                o.split() ? "评委意见平分，待裁定" : o.ballotsIn() + "/" + o.ballotsExpected(), ballots,
                m.videoContentId() == null ? null : videos.get(m.videoContentId()));
    }

    private PublicBallot ballot(Match m, Ballot b) {
        Judge judge = tab.judges.get(b.judgeId());
        return new PublicBallot(judge == null ? "评委" : judge.name(), b.winner().label(),
                score(b.total(Side.AFFIRMATIVE)), score(b.total(Side.NEGATIVE)), speakers(b, Side.AFFIRMATIVE),
                speakers(b, Side.NEGATIVE), debater(b.bestDebaterId()));
    }

    private List<PublicSpeaker> speakers(Ballot b, Side side) {
        return b.scores().stream().filter(s -> s.side() == side)
                .map(s -> new PublicSpeaker(side.label() + POSITIONS[Math.min(s.position(), 8) - 1] + "辩",
                        debater(s.debaterId()), BallotService.number(s.score()))).toList();
    }

    public record MotionRound(String name, Motion motion, List<PublicMatch> matches) {
    }

    /** Released motions: the round's, and each match's own where it has one. */
    public List<MotionRound> motionRounds() {
        return rounds().stream().filter(r -> r.motion() != null || !r.matches().isEmpty())
                .map(r -> new MotionRound(r.name(), r.motion(), r.matches().stream()
                        .filter(m -> m.motion() != null && !m.motion().equals(r.motion())).toList()))
                .filter(r -> r.motion() != null || !r.matches().isEmpty()).toList();
    }

    /** Standings over the preliminary rounds whose results are released. */
    public List<TeamRow> teamStandings() {
        Predicate<Round> released = PublicTab::resultsPublic;
        java.util.Set<String> broken = brokenTeams();
        List<TeamMetric> metrics = TeamMetrics.of(tab.contest.metrics());
        return tab.teamStandings(released).stream().map(row -> {
            Team team = tab.teams.get(row.record().teamId());
            List<String> values = new ArrayList<>();
            for (int i = 0; i < metrics.size(); i++) {
                double v = row.values().get(i);
                values.add(metrics.get(i).integral() ? String.valueOf((long) v) : String.format("%.1f", v));
            }
            return new TeamRow((row.tied() ? "=" : "") + row.rank(), team.name(), tab.schoolName(team),
                    row.record().played(), values, broken.contains(team.id()));
        }).toList();
    }

    /** The teams actually in the knockout, once its first round's draw is public; before that, none. */
    private java.util.Set<String> brokenTeams() {
        java.util.Set<String> broken = new java.util.HashSet<>();
        tab.knockouts().stream().findFirst().filter(Round::drawReleased)
                .ifPresent(first -> tab.matches(first).forEach(m -> {
                    broken.add(m.affirmativeTeamId());
                    broken.add(m.negativeTeamId());
                }));
        return broken;
    }

    public boolean breakShown() {
        return tab.knockouts().stream().findFirst().filter(Round::drawReleased).isPresent();
    }

    public List<String> metricLabels() {
        return TeamMetrics.of(tab.contest.metrics()).stream().map(TeamMetric::label).toList();
    }

    public boolean anyResults() {
        return tab.prelims().stream().anyMatch(PublicTab::resultsPublic);
    }

    /** Individual scores of minors are public only where the contest publishes judges' ballots. */
    public List<SpeakerRow> speakerStandings() {
        if (!tab.contest.ballotsPublic()) {
            return List.of();
        }
        return tab.speakerStandings(PublicTab::resultsPublic).stream().map(row -> new SpeakerRow(
                (row.tied() ? "=" : "") + row.rank(), debater(row.speaker().debaterId()),
                name(tab.teams.get(row.speaker().teamId())), String.format("%.2f", row.average()),
                row.speaker().scores().size(), row.speaker().bestDebater())).toList();
    }

    /** Every decided, released match's best debater, in round order. */
    public List<PublicMatch> bestDebaters() {
        return rounds().stream().flatMap(r -> r.matches().stream()).filter(m -> m.bestDebater() != null).toList();
    }

    public List<PublicMatch> videos() {
        return rounds().stream().flatMap(r -> r.matches().stream()).filter(m -> m.video() != null).toList();
    }

    public DebateViews.DebateBracketView bracket() {
        return TabViews.bracket(tab, true);
    }

    private String debater(String debaterId) {
        String full = tab.debaterName(debaterId);
        return full == null ? null : tab.contest.namePolicy().display(full);
    }

    private String teamOf(String debaterId) {
        Team team = tab.teamOf(debaterId);
        return team == null ? null : team.name();
    }

    /** A round's results are public when both its draw and its results are released. */
    static boolean resultsPublic(Round round) {
        return round.drawReleased() && round.resultsReleased();
    }

    private static String name(Team team) {
        return team == null ? "（已删除的队伍）" : team.name();
    }

    private static String score(double value) {
        return value == 0 ? "" : BallotService.number(Math.round(value * 100) / 100.0);
    }
}
