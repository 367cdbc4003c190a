package cn.fasheng.debate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import cn.fasheng.debate.draw.DrawTeam;
import cn.fasheng.debate.standings.SpeakerStandings;
import cn.fasheng.debate.standings.TeamMetrics;
import cn.fasheng.debate.standings.TeamRecord;
import cn.fasheng.debate.standings.TeamStandings;

/**
 * Everything about one contest at one moment, and what follows from it: match outcomes, records, standings. A
 * contest is a few hundred documents, so it is read whole and computed in memory.
 */
final class ContestTab {

    final Contest contest;
    final Map<String, School> schools = new LinkedHashMap<>();
    final Map<String, Team> teams = new LinkedHashMap<>();
    final Map<String, Judge> judges = new LinkedHashMap<>();
    final Map<String, Venue> venues = new LinkedHashMap<>();
    final List<Round> rounds;
    private final Map<String, List<Match>> matchesByRound = new HashMap<>();
    private final Map<String, List<Ballot>> ballotsByMatch = new HashMap<>();
    private final Map<String, MatchOutcome> outcomes = new HashMap<>();
    private final Map<String, Team> teamOfDebater = new HashMap<>();

    ContestTab(Contest contest, List<School> schools, List<Team> teams, List<Judge> judges, List<Venue> venues,
            List<Round> rounds, List<Match> matches, List<Ballot> ballots) {
        this.contest = contest;
        schools.stream().sorted(Comparator.comparing(School::name)).forEach(s -> this.schools.put(s.id(), s));
        teams.stream().sorted(Comparator.comparing(Team::name)).forEach(t -> this.teams.put(t.id(), t));
        teams.forEach(t -> t.debaters().forEach(d -> teamOfDebater.put(d.id(), t)));
        judges.stream().sorted(Comparator.comparing(Judge::name)).forEach(j -> this.judges.put(j.id(), j));
        venues.stream().sorted(Comparator.comparing(Venue::name)).forEach(v -> this.venues.put(v.id(), v));
        this.rounds = rounds.stream().sorted(Comparator.comparingInt(Round::seq)).toList();
        Map<String, String> currentDraw = new HashMap<>();
        this.rounds.forEach(r -> currentDraw.put(r.id(), r.drawId()));
        matches.stream().filter(m -> m.drawId() != null && m.drawId().equals(currentDraw.get(m.roundId())))
                .sorted(Comparator.comparingInt(Match::slot))
                .forEach(m -> matchesByRound.computeIfAbsent(m.roundId(), r -> new ArrayList<>()).add(m));
        ballots.forEach(b -> ballotsByMatch.computeIfAbsent(b.matchId(), m -> new ArrayList<>()).add(b));
        matchesByRound.values().forEach(list -> list.forEach(m -> outcomes.put(m.id(), MatchOutcome.of(m, ballots(m)))));
    }

    List<Match> matches(Round round) {
        return matchesByRound.getOrDefault(round.id(), List.of());
    }

    List<Ballot> ballots(Match match) {
        return ballotsByMatch.getOrDefault(match.id(), List.of());
    }

    MatchOutcome outcome(Match match) {
        return outcomes.get(match.id());
    }

    /** The team a debater plays for; null for an unknown id. */
    Team teamOf(String debaterId) {
        return debaterId == null ? null : teamOfDebater.get(debaterId);
    }

    /** A debater's full name (for the console; the public pages apply the contest's name policy). */
    String debaterName(String debaterId) {
        Team team = teamOf(debaterId);
        return team == null ? null : team.debater(debaterId).name();
    }

    /** The match if it belongs to its round's current draw; null for a match of a replaced draw. */
    Match current(String matchId) {
        return matchesByRound.values().stream().flatMap(List::stream).filter(m -> m.id().equals(matchId)).findFirst().orElse(null);
    }

    Round round(String roundId) {
        return rounds.stream().filter(r -> r.id().equals(roundId)).findFirst().orElse(null);
    }

    boolean complete(Round round) {
        List<Match> matches = matches(round);
        return !matches.isEmpty() && matches.stream().allMatch(m -> outcome(m).decided());
    }

    List<Round> prelims() {
        return rounds.stream().filter(r -> !r.isKnockout()).toList();
    }

    List<Round> knockouts() {
        return rounds.stream().filter(Round::isKnockout).toList();
    }

    List<Match> earlier(Round round) {
        return rounds.stream().filter(r -> r.seq() < round.seq()).flatMap(r -> matches(r).stream()).toList();
    }

    String schoolName(Team team) {
        School school = team == null ? null : schools.get(team.schoolId());
        return school == null ? "" : school.name();
    }

    /** Preliminary records from the decided matches of the rounds {@code counted} accepts. */
    List<TeamRecord> records(Predicate<Round> counted) {
        Map<String, TeamRecord> records = new LinkedHashMap<>();
        teams.values().forEach(t -> records.put(t.id(), TeamRecord.empty(t.id(), t.name())));
        for (Match m : decidedPrelims(counted)) {
            MatchOutcome o = outcome(m);
            for (Side side : Side.values()) {
                records.computeIfPresent(m.teamId(side), (id, r) -> r.plus(o.winner() == side, o.ballots(side),
                        o.score(side), o.score(side.other())));
            }
        }
        return new ArrayList<>(records.values());
    }

    /** The decided matches of the preliminary rounds {@code counted} accepts: what standings are made of. */
    private List<Match> decidedPrelims(Predicate<Round> counted) {
        return prelims().stream().filter(counted).flatMap(r -> matches(r).stream()).filter(m -> outcome(m).decided()).toList();
    }

    List<TeamStandings.Row> teamStandings(Predicate<Round> counted) {
        return TeamStandings.rank(records(counted), TeamMetrics.of(contest.metrics()));
    }

    List<SpeakerStandings.Row> speakerStandings(Predicate<Round> counted) {
        Map<String, List<Double>> scores = new HashMap<>();
        Map<String, Integer> best = new HashMap<>();
        for (Match m : decidedPrelims(counted)) {
            MatchOutcome o = outcome(m);
            o.speakerAverages().forEach((id, avg) -> scores.computeIfAbsent(id, k -> new ArrayList<>()).add(avg));
            if (o.bestDebaterId() != null) {
                best.merge(o.bestDebaterId(), 1, Integer::sum);
            }
        }
        List<SpeakerStandings.SpeakerRecord> speakers = new ArrayList<>();
        for (Team team : teams.values()) {
            for (Team.Debater d : team.debaters()) {
                speakers.add(new SpeakerStandings.SpeakerRecord(d.id(), d.name(), team.id(),
                        scores.getOrDefault(d.id(), List.of()), best.getOrDefault(d.id(), 0)));
            }
        }
        return SpeakerStandings.rank(speakers);
    }

    /** The teams as the draw of {@code round} sees them: in standings order over the preliminaries before it. */
    List<DrawTeam> drawTeams(Round round) {
        Predicate<Round> before = r -> r.seq() < round.seq();
        Map<String, Set<String>> opponents = new HashMap<>();
        Map<String, int[]> sides = new HashMap<>();
        for (Match m : earlier(round)) {
            opponents.computeIfAbsent(m.affirmativeTeamId(), k -> new HashSet<>()).add(m.negativeTeamId());
            opponents.computeIfAbsent(m.negativeTeamId(), k -> new HashSet<>()).add(m.affirmativeTeamId());
            sides.computeIfAbsent(m.affirmativeTeamId(), k -> new int[2])[0]++;
            sides.computeIfAbsent(m.negativeTeamId(), k -> new int[2])[1]++;
        }
        return teamStandings(before).stream().map(row -> {
            Team team = teams.get(row.record().teamId());
            int[] s = sides.getOrDefault(team.id(), new int[2]);
            return new DrawTeam(team.id(), team.schoolId(), row.record().wins(),
                    opponents.getOrDefault(team.id(), Set.of()), s[0], s[1]);
        }).toList();
    }

    List<DrawConflicts.Conflict> conflicts(Round round) {
        List<DrawConflicts.Conflict> conflicts = new ArrayList<>(
                DrawConflicts.of(round, matches(round), earlier(round), teams, judges, venues, contest.panelSize()));
        boolean firstKnockout = round.isKnockout() && knockouts().get(0).id().equals(round.id());
        int cut = contest.breakSize();
        if (firstKnockout && !matches(round).isEmpty() && teams.size() > cut) {
            List<TeamStandings.Row> rows = teamStandings(r -> true);
            if (rows.get(cut - 1).rank() == rows.get(cut).rank()) {
                conflicts.add(new DrawConflicts.Conflict(0, "BREAK_TIE", "排名第 " + cut + " 与第 " + (cut + 1) + " 的队伍（"
                        + rows.get(cut - 1).record().name() + "、" + rows.get(cut).record().name()
                        + "）各项排名依据完全相同，晋级按队名顺序决定，请核对后手动调整"));
            }
        }
        return conflicts;
    }
}
