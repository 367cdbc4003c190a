package cn.fasheng.debate.standings;

/** One criterion of the team standings; a contest lists the ones it uses, in the order they break ties. */
public interface TeamMetric {

    /** How a contest names it in its settings. */
    String key();

    /** How the standings table heads its column. */
    String label();

    /** Higher is better. */
    double value(TeamRecord record);

    /** Whole numbers (wins, ballots) or scores with one decimal. */
    default boolean integral() {
        return false;
    }
}
