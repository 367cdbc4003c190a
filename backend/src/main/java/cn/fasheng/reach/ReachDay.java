package cn.fasheng.reach;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counts of one page (a content item, a contest, a micro-landscape site) on one Shanghai day, kept by atomic
 * {@code $inc} so that instances counting at once lose nothing. It holds figures only: nothing about any visitor.
 */
@Document("reach_days")
@CompoundIndex(name = "day_target", def = "{'day': 1, 'target': 1}")
record ReachDay(@Id String id, String target, String targetId, String day, long views, long plays, long p25, long p50,
        long p75, long p100) {

    static String id(ReachTarget target, String targetId, String day) {
        return target.code() + ":" + targetId + ":" + day;
    }
}
