package cn.fasheng.debate.standings;

/**
 * A team's preliminary record, the raw material of every metric: matches won, ballots won, the sum of its
 * per-match scores (each the average of the ballots' totals) and the sum of its margins.
 */
public record TeamRecord(String teamId, String name, int played, int wins, int ballotsWon, double speakerTotal,
        double margin) {

    public TeamRecord plus(boolean won, int ballots, double score, double opponentScore) {
        return new TeamRecord(teamId, name, played + 1, wins + (won ? 1 : 0), ballotsWon + ballots,
                speakerTotal + score, margin + score - opponentScore);
    }

    public static TeamRecord empty(String teamId, String name) {
        return new TeamRecord(teamId, name, 0, 0, 0, 0, 0);
    }
}
