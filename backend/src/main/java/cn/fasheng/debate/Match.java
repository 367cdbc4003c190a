package cn.fasheng.debate;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One debate of a round: 正方 against 反方 in a venue before a panel. A match may have its own motion (else the
 * round's) and, once filmed, the published video of it. Knockout matches carry their teams' seeds; {@code slot}
 * orders a round's matches and places knockout matches in the bracket.
 */
@Document("debate_matches")
public record Match(@Id String id, @Indexed String contestId, @Indexed String roundId, String drawId, int slot,
        String affirmativeTeamId, String negativeTeamId, String venueId, Instant startsAt, List<String> judgeIds,
        Motion motion, String videoContentId, Integer affirmativeSeed, Integer negativeSeed, @Version Long version) {

    public String teamId(Side side) {
        return side == Side.AFFIRMATIVE ? affirmativeTeamId : negativeTeamId;
    }


    public Integer seed(Side side) {
        return side == Side.AFFIRMATIVE ? affirmativeSeed : negativeSeed;
    }
}
