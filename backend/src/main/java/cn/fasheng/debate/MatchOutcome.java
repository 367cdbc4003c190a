package cn.fasheng.debate;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A match's result as its ballots say: decided once every judge on the panel has handed one in, for the side
 * that won the majority of them. A split panel of an even size stays undecided ({@code split}). Team scores are
 * the average of the ballots' totals; the best debater is the one most ballots name, then the higher average.
 */
public record MatchOutcome(String matchId, int ballotsIn, int ballotsExpected, boolean decided, boolean split,
        Side winner, int affirmativeBallots, int negativeBallots, double affirmativeScore, double negativeScore,
        String bestDebaterId, Map<String, Double> speakerAverages) {

    public static MatchOutcome of(Match match, List<Ballot> ballots) {
        int expected = match.judgeIds() == null ? 0 : match.judgeIds().size();
        int aff = (int) ballots.stream().filter(b -> b.winner() == Side.AFFIRMATIVE).count();
        int neg = ballots.size() - aff;
        boolean complete = expected > 0 && ballots.size() >= expected;
        boolean split = complete && aff == neg;
        Side winner = complete && !split ? (aff > neg ? Side.AFFIRMATIVE : Side.NEGATIVE) : null;
        double affScore = ballots.stream().mapToDouble(b -> b.total(Side.AFFIRMATIVE)).average().orElse(0);
        double negScore = ballots.stream().mapToDouble(b -> b.total(Side.NEGATIVE)).average().orElse(0);
        Map<String, double[]> sums = new HashMap<>();
        for (Ballot ballot : ballots) {
            for (Ballot.SpeakerScore score : ballot.scores()) {
                double[] sum = sums.computeIfAbsent(score.debaterId(), id -> new double[2]);
                sum[0] += score.score();
                sum[1]++;
            }
        }
        Map<String, Double> averages = new HashMap<>();
        sums.forEach((id, sum) -> averages.put(id, sum[0] / sum[1]));
        Map<String, Integer> votes = new HashMap<>();
        ballots.stream().filter(b -> b.bestDebaterId() != null).forEach(b -> votes.merge(b.bestDebaterId(), 1, Integer::sum));
        String best = votes.keySet().stream()
                .max(Comparator.<String>comparingInt(votes::get).thenComparingDouble(id -> averages.getOrDefault(id, 0.0))
                        .thenComparing(Comparator.<String>naturalOrder().reversed()))
                .orElse(null);
        return new MatchOutcome(match.id(), ballots.size(), expected, winner != null, split, winner, aff, neg,
                affScore, negScore, complete ? best : null, averages);
    }



    public int ballots(Side side) {
        return side == Side.AFFIRMATIVE ? affirmativeBallots : negativeBallots;
    }

    public double score(Side side) {
        return side == Side.AFFIRMATIVE ? affirmativeScore : negativeScore;
    }
}
