package cn.fasheng.debate.standings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks teams by the contest's metrics in order. Teams equal on every metric share a rank (shown as "="), and are
 * listed by name so the table reads the same every time.
 */
public final class TeamStandings {

    private static final double EPSILON = 1e-6;

    private TeamStandings() {
    }

    public record Row(int rank, boolean tied, TeamRecord record, List<Double> values) {
    }

    public static List<Row> rank(List<TeamRecord> records, List<TeamMetric> metrics) {
        Comparator<TeamRecord> order = (a, b) -> compare(a, b, metrics);
        List<TeamRecord> sorted = new ArrayList<>(records);
        sorted.sort(order.thenComparing(TeamRecord::name).thenComparing(TeamRecord::teamId));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            TeamRecord record = sorted.get(i);
            int rank = i > 0 && compare(sorted.get(i - 1), record, metrics) == 0 ? rows.get(i - 1).rank() : i + 1;
            boolean tied = (i > 0 && compare(sorted.get(i - 1), record, metrics) == 0)
                    || (i + 1 < sorted.size() && compare(sorted.get(i + 1), record, metrics) == 0);
            rows.add(new Row(rank, tied, record, metrics.stream().map(m -> m.value(record)).toList()));
        }
        return rows;
    }

    /** Negative when {@code a} ranks above {@code b}. */
    private static int compare(TeamRecord a, TeamRecord b, List<TeamMetric> metrics) {
        for (TeamMetric metric : metrics) {
            double difference = metric.value(b) - metric.value(a);
            if (Math.abs(difference) > EPSILON) {
                return difference > 0 ? 1 : -1;
            }
        }
        return 0;
    }
}
