package cn.fasheng.debate;

import java.time.Instant;
import java.util.List;

import cn.fasheng.debate.standings.TeamMetric;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the console reads about the debate contest (full names: editors only). */
public final class DebateViews {

    private DebateViews() {
    }

    public record DebateContestView(String id, String slug, String name, String season, String description,
            Contest.DebateFormat format, Contest.ScoreRules scoring, NamePolicy namePolicy, boolean ballotsPublic,
            int prelimRounds, int breakSize, int panelSize, List<String> metrics, boolean published, String publicPath,
            Instant createdAt, Long version) {

        static DebateContestView of(Contest c) {
            return new DebateContestView(c.id(), c.slug(), c.name(), c.season(), c.description(), c.format(), c.scoring(),
                    c.namePolicy(), c.ballotsPublic(), c.prelimRounds(), c.breakSize(), c.panelSize(), c.metrics(),
                    c.published(), "/debate/" + c.slug(), c.createdAt(), c.version());
        }
    }

    public record DebateMetricOption(String key, String label) {

        static DebateMetricOption of(TeamMetric metric) {
            return new DebateMetricOption(metric.key(), metric.label());
        }
    }

    public record DebateSchoolView(String id, String name, int teams, Long version) {
    }

    public record DebaterView(String id, String name) {
    }

    public record DebateTeamView(String id, String schoolId, String schoolName, String name, List<DebaterView> debaters,
            Long version) {
    }

    public record DebateJudgeView(String id, String name, String affiliation, List<String> conflictSchoolIds,
            Long version) {
    }

    public record DebateVenueView(String id, String name, String address, Long version) {
    }

    public record DebateRosterView(List<DebateSchoolView> schools, List<DebateTeamView> teams,
            List<DebateJudgeView> judges, List<DebateVenueView> venues) {
    }

    public record RosterImportOutcome(int schoolsCreated, int teamsCreated, int debaters) {
    }

    public record MatchTeamView(String teamId, String name, String schoolName, Integer seed) {
    }

    public record MatchJudgeView(String id, String name, boolean ballotIn) {
    }

    public record MatchOutcomeView(int ballotsIn, int ballotsExpected, boolean decided, boolean split, Side winner,
            int affirmativeBallots, int negativeBallots, double affirmativeScore, double negativeScore,
            String bestDebaterId, String bestDebaterName) {
    }

    public record DebateMatchView(String id, String roundId, int slot, MatchTeamView affirmative, MatchTeamView negative,
            String venueId, String venueName,
            @Schema(description = "开始时间：本场自己的，否则本轮的") Instant startsAt,
            @Schema(description = "本场单独设定的开始时间；空则随本轮") Instant ownStartsAt,
            List<MatchJudgeView> judges, Motion motion,
            String videoContentId, MatchOutcomeView outcome, Long version) {
    }

    public record DrawConflictView(int slot, String kind, String message) {
    }

    public record DebateRoundView(String id, int seq, String name, RoundStage stage, Instant startsAt, Motion motion,
            boolean drawReleased, boolean motionReleased, boolean resultsReleased, Instant drawnAt, boolean complete,
            List<DebateMatchView> matches, List<DrawConflictView> conflicts, Long version) {
    }

    public record BallotView(String id, String judgeId, String judgeName, Side winner, List<Ballot.SpeakerScore> scores,
            String bestDebaterId, String enteredBy, Instant enteredAt, int corrections, Long version) {
    }

    /** Everything the ballot entry page needs on a phone at the venue, in one request. */
    public record BallotSheet(String contestId, String contestName, String roundName, DebateMatchView match, Motion motion,
            int positions, Contest.ScoreRules scoring, List<DebaterView> affirmativeDebaters,
            List<DebaterView> negativeDebaters, List<BallotView> ballots) {
    }

    public record TeamStandingView(int rank, boolean tied, String teamId, String name, String schoolName, int played,
            List<Double> values) {
    }

    public record SpeakerStandingView(int rank, boolean tied, String debaterId, String name, String teamName,
            double average, int matches, int bestDebater) {
    }

    public record DebateStandingsView(List<DebateMetricOption> metrics, List<TeamStandingView> teams,
            List<SpeakerStandingView> speakers, int breakSize) {
    }

    public record BracketMatchView(String matchId, int slot, MatchTeamView affirmative, MatchTeamView negative, Side winner,
            int affirmativeBallots, int negativeBallots) {
    }

    public record BracketRoundView(String roundId, String name, List<BracketMatchView> matches) {
    }

    public record DebateBracketView(List<BracketRoundView> rounds, MatchTeamView champion) {
    }
}
