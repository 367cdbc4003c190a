package cn.fasheng.debate.draw;

import java.util.Set;

/** What the draw knows of a team: its school, wins so far, past opponents and how often it was 正方 or 反方. */
public record DrawTeam(String id, String schoolId, int wins, Set<String> opponents, int affirmative, int negative) {

    boolean metBefore(DrawTeam other) {
        return opponents.contains(other.id);
    }

    boolean sameSchool(DrawTeam other) {
        return schoolId != null && schoolId.equals(other.schoolId);
    }
}
