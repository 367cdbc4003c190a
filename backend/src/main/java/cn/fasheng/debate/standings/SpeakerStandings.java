package cn.fasheng.debate.standings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Speakers ranked by their average score over the matches they spoke in (each match's score the average of its
 * ballots), then by how often they were named best debater; equal speakers share a rank.
 */
public final class SpeakerStandings {

    private static final double EPSILON = 1e-6;

    private SpeakerStandings() {
    }

    public record SpeakerRecord(String debaterId, String name, String teamId, List<Double> scores, int bestDebater) {

        public double average() {
            return scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
    }

    public record Row(int rank, boolean tied, SpeakerRecord speaker, double average) {
    }

    public static List<Row> rank(List<SpeakerRecord> speakers) {
        Comparator<SpeakerRecord> order = Comparator.comparingDouble(SpeakerRecord::average).reversed()
                .thenComparing(Comparator.comparingInt(SpeakerRecord::bestDebater).reversed());
        List<SpeakerRecord> sorted = new ArrayList<>(speakers.stream().filter(s -> !s.scores().isEmpty()).toList());
        sorted.sort(order.thenComparing(SpeakerRecord::name).thenComparing(SpeakerRecord::debaterId));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            SpeakerRecord s = sorted.get(i);
            boolean sameAsPrevious = i > 0 && same(sorted.get(i - 1), s);
            boolean sameAsNext = i + 1 < sorted.size() && same(sorted.get(i + 1), s);
            rows.add(new Row(sameAsPrevious ? rows.get(i - 1).rank() : i + 1, sameAsPrevious || sameAsNext, s, s.average()));
        }
        return rows;
    }

    private static boolean same(SpeakerRecord a, SpeakerRecord b) {
        return Math.abs(a.average() - b.average()) < EPSILON && a.bestDebater() == b.bestDebater();
    }
}
