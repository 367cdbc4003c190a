package cn.fasheng.debate.standings;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TeamStandingsTest {

    // name, played, wins, ballots, speaker total, margin
    private static final List<TeamRecord> TABLE = List.of(
            new TeamRecord("e", "E队", 3, 2, 6, 1050.0, 12.0),
            new TeamRecord("a", "A队", 3, 3, 7, 1000.0, 5.0),
            new TeamRecord("c", "C队", 3, 2, 6, 1060.0, 3.0),
            new TeamRecord("b", "B队", 3, 2, 7, 990.0, -1.0),
            new TeamRecord("d", "D队", 3, 2, 6, 1050.0, 8.0),
            new TeamRecord("f", "F队", 3, 0, 1, 900.0, -20.0),
            new TeamRecord("g", "G队", 3, 0, 1, 900.0, -20.0));

    @Test
    void metricsBreakTiesInTheirOrder() {
        List<TeamStandings.Row> rows = TeamStandings.rank(TABLE, TeamMetrics.of(List.of("wins", "ballots", "speaks", "margin")));
        // A most wins; B beats C/D/E on ballots; C beats D/E on total; E beats D on margin; F and G are equal.
        assertThat(rows).extracting(r -> r.record().teamId()).containsExactly("a", "b", "c", "e", "d", "f", "g");
        assertThat(rows).extracting(TeamStandings.Row::rank).containsExactly(1, 2, 3, 4, 5, 6, 6);
        assertThat(rows).extracting(TeamStandings.Row::tied).containsExactly(false, false, false, false, false, true, true);
        assertThat(rows.get(0).values()).containsExactly(3.0, 7.0, 1000.0, 5.0);
    }

    @Test
    void anotherOrderGivesAnotherTable() {
        List<TeamStandings.Row> rows = TeamStandings.rank(TABLE, TeamMetrics.of(List.of("wins", "margin")));
        // Among the four on two wins, margin alone decides: E 12, D 8, C 3, B -1.
        assertThat(rows).extracting(r -> r.record().teamId()).containsExactly("a", "e", "d", "c", "b", "f", "g");
    }

    @Test
    void speakerTotalBeforeBallots() {
        List<TeamStandings.Row> rows = TeamStandings.rank(TABLE, TeamMetrics.of(List.of("wins", "speaks", "ballots")));
        // C 1060; D and E 1050 with 6 ballots each: tied, shown with the same rank, listed by name.
        assertThat(rows).extracting(r -> r.record().teamId()).containsExactly("a", "c", "d", "e", "b", "f", "g");
        assertThat(rows).extracting(TeamStandings.Row::rank).containsExactly(1, 2, 3, 3, 5, 6, 6);
    }

    @Test
    void everyMetricHasAChineseLabelAndAnUnknownOneIsRefused() {
        assertThat(TeamMetrics.ALL).extracting(TeamMetric::label).containsExactly("胜场", "得票", "总分", "净胜分");
        assertThat(TeamMetrics.byKey("coin-toss")).isEmpty();
    }

    @Test
    void speakersRankByAverageThenBestDebaterAwards() {
        List<SpeakerStandings.Row> rows = SpeakerStandings.rank(List.of(
                new SpeakerStandings.SpeakerRecord("1", "甲", "a", List.of(80.0, 90.0), 0),
                new SpeakerStandings.SpeakerRecord("2", "乙", "a", List.of(85.0), 1),
                new SpeakerStandings.SpeakerRecord("3", "丙", "b", List.of(86.0, 84.0), 0),
                new SpeakerStandings.SpeakerRecord("4", "丁", "b", List.of(), 0),
                new SpeakerStandings.SpeakerRecord("5", "戊", "b", List.of(88.0), 0)));
        assertThat(rows).extracting(r -> r.speaker().name()).containsExactly("戊", "乙", "丙", "甲");
        assertThat(rows).extracting(SpeakerStandings.Row::rank).containsExactly(1, 2, 3, 3);
    }
}
