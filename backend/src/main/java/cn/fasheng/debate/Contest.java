package cn.fasheng.debate;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One season of the district's high-school legal debate contest: its format, scoring rules, what the public
 * may see (names of minors, judges' ballots) and how the standings and the break are decided.
 */
@Document("debate_contests")
public record Contest(@Id String id, @Indexed(unique = true) String slug, String name, String season,
        String description, DebateFormat format, ScoreRules scoring, NamePolicy namePolicy, boolean ballotsPublic,
        int prelimRounds, int breakSize, int panelSize, List<String> metrics, boolean published, Instant createdAt,
        Instant updatedAt, @Version Long version) {

    /** Chinese-style four-versus-four (中式辩论) with the speeches of the district's rules. */
    public static DebateFormat defaultFormat() {
        return new DebateFormat("中式辩论（四对四）", 4, List.of(
                new Speech("正方一辩 开篇立论", Side.AFFIRMATIVE, 1, 180),
                new Speech("反方一辩 开篇立论", Side.NEGATIVE, 1, 180),
                new Speech("正方二辩 驳论", Side.AFFIRMATIVE, 2, 120),
                new Speech("反方二辩 驳论", Side.NEGATIVE, 2, 120),
                new Speech("正方三辩 质询", Side.AFFIRMATIVE, 3, 150),
                new Speech("反方三辩 质询", Side.NEGATIVE, 3, 150),
                new Speech("正方三辩 质询小结", Side.AFFIRMATIVE, 3, 90),
                new Speech("反方三辩 质询小结", Side.NEGATIVE, 3, 90),
                new Speech("自由辩论（双方各四分钟）", null, 0, 480),
                new Speech("反方四辩 总结陈词", Side.NEGATIVE, 4, 180),
                new Speech("正方四辩 总结陈词", Side.AFFIRMATIVE, 4, 180)));
    }

    public static ScoreRules defaultScoring() {
        return new ScoreRules(60, 100, 0.5, false, false);
    }

    public static List<String> defaultMetrics() {
        return List.of("wins", "ballots", "speaks", "margin");
    }

    /** The format: how many debaters speak for a side, and the speeches in order (side null: both sides). */
    public record DebateFormat(String name, int debatersPerTeam, List<Speech> speeches) {
    }

    /** A speech in the order of the debate; {@code position} is the debater (1 = 一辩), 0 for the whole side. */
    public record Speech(String label, Side side, int position, int seconds) {
    }

    /**
     * A speaker score lies in [min, max] on steps of {@code step}. Equal team totals, and a side winning with
     * the lower total (低分胜), are refused unless allowed.
     */
    public record ScoreRules(double min, double max, double step, boolean allowTiedTotals, boolean allowLowPointWin) {
    }
}
