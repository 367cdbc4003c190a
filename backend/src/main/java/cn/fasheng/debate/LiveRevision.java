package cn.fasheng.debate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A counter per contest, raised by every change the public could see. Kept apart from the contest document so
 * that saving the contest's settings never winds it back.
 */
@Document("debate_live")
record LiveRevision(@Id String contestId, long revision) {
}
