package cn.fasheng.debate;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A round. The public sees its draw, its motion and its results only once each is released (like Tabbycat's
 * release switches); results released before the last ballot arrive match by match as they are entered.
 * {@code drawId} names the current draw: only matches carrying it belong to the round (an abandoned draw's
 * matches are ignored until removed).
 */
@Document("debate_rounds")
@CompoundIndex(name = "contest_seq", def = "{'contestId': 1, 'seq': 1}", unique = true)
public record Round(@Id String id, @Indexed String contestId, int seq, String name, RoundStage stage,
        Instant startsAt, Motion motion, boolean drawReleased, boolean motionReleased, boolean resultsReleased,
        Instant drawnAt, String drawId, @Version Long version) {

    public boolean isKnockout() {
        return stage == RoundStage.KNOCKOUT;
    }

    Round withDetails(String newName, Instant newStartsAt, Motion newMotion) {
        return new Round(id, contestId, seq, newName, stage, newStartsAt, newMotion, drawReleased, motionReleased,
                resultsReleased, drawnAt, drawId, version);
    }

    Round withRelease(boolean draw, boolean motions, boolean results) {
        return new Round(id, contestId, seq, name, stage, startsAt, motion, draw, motions, results, drawnAt, drawId, version);
    }

    /** A new draw replaces the old one and is not public until released again. */
    Round withDraw(String newDrawId, Instant at) {
        return new Round(id, contestId, seq, name, stage, startsAt, motion, false, motionReleased, resultsReleased, at,
                newDrawId, version);
    }
}
