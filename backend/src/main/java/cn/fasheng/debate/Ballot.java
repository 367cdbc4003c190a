package cn.fasheng.debate;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One judge's ballot on one match: the winner, every debater's speaker score and the best debater. */
@Document("debate_ballots")
@CompoundIndex(name = "match_judge", def = "{'matchId': 1, 'judgeId': 1}", unique = true)
public record Ballot(@Id String id, @Indexed String contestId, String matchId, String judgeId, Side winner,
        List<SpeakerScore> scores, String bestDebaterId, String enteredBy, Instant enteredAt, int corrections,
        @Version Long version) {

    /** The score of the debater speaking as {@code position} (1 = 一辩) for {@code side}. */
    public record SpeakerScore(Side side, int position, String debaterId, double score) {
    }

    public double total(Side side) {
        return scores.stream().filter(s -> s.side() == side).mapToDouble(SpeakerScore::score).sum();
    }
}
