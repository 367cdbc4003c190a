package cn.fasheng.reach;

/** What one event counts: a page view, a play started, or how far a play got. Field names of the daily document. */
public enum ReachMetric {
    VIEWS("views"),
    PLAYS("plays"),
    P25("p25"),
    P50("p50"),
    P75("p75"),
    P100("p100");

    private final String field;

    ReachMetric(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The metric of a play that got to {@code percent} of the video, or null for any other figure. */
    static ReachMetric progress(int percent) {
        return switch (percent) {
            case 25 -> P25;
            case 50 -> P50;
            case 75 -> P75;
            case 100 -> P100;
            default -> null;
        };
    }
}
