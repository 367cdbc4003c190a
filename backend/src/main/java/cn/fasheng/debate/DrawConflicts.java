package cn.fasheng.debate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an editor should look at in a round's draw before releasing it, generated or adjusted by hand: rematches,
 * two teams of one school, judges with a conflict or on two matches, panels short or of an even size, a venue
 * used twice at the same time, a team placed twice, and preliminary teams left out.
 */
final class DrawConflicts {

    private DrawConflicts() {
    }

    /** {@code slot} 0: the round as a whole. */
    record Conflict(int slot, String kind, String message) {
    }

    static List<Conflict> of(Round round, List<Match> matches, List<Match> earlier, Map<String, Team> teams,
            Map<String, Judge> judges, Map<String, Venue> venues, int panelSize) {
        List<Conflict> conflicts = new ArrayList<>();
        Set<String> met = new HashSet<>();
        for (Match m : earlier) {
            met.add(key(m.affirmativeTeamId(), m.negativeTeamId()));
        }
        Map<String, Integer> judgeSlot = new HashMap<>();
        Map<String, Integer> venueSlot = new HashMap<>();
        Set<String> placed = new HashSet<>();
        for (Match m : matches) {
            Team aff = teams.get(m.affirmativeTeamId());
            Team neg = teams.get(m.negativeTeamId());
            for (String team : List.of(m.affirmativeTeamId(), m.negativeTeamId())) {
                if (!placed.add(team)) {
                    conflicts.add(new Conflict(m.slot(), "TEAM_TWICE", name(teams.get(team)) + "在本轮被安排了不止一场"));
                }
            }
            if (met.contains(key(m.affirmativeTeamId(), m.negativeTeamId()))) {
                conflicts.add(new Conflict(m.slot(), "REMATCH", name(aff) + "与" + name(neg) + "此前已经交手"));
            }
            if (!round.isKnockout() && aff != null && neg != null && Objects.equals(aff.schoolId(), neg.schoolId())) {
                conflicts.add(new Conflict(m.slot(), "SAME_SCHOOL", name(aff) + "与" + name(neg) + "来自同一学校"));
            }
            List<String> panel = m.judgeIds() == null ? List.of() : m.judgeIds();
            for (String judgeId : panel) {
                Judge judge = judges.get(judgeId);
                if (judge == null) {
                    continue;
                }
                if ((aff != null && judge.conflictsWith(aff.schoolId())) || (neg != null && judge.conflictsWith(neg.schoolId()))) {
                    conflicts.add(new Conflict(m.slot(), "JUDGE_CONFLICT", "评委" + judge.name() + "需回避本场队伍所在学校"));
                }
                Integer other = judgeSlot.putIfAbsent(judgeId, m.slot());
                if (other != null) {
                    conflicts.add(new Conflict(m.slot(), "JUDGE_TWICE", "评委" + judge.name() + "同时被安排在第 " + other + " 场"));
                }
            }
            if (panel.isEmpty()) {
                conflicts.add(new Conflict(m.slot(), "NO_JUDGES", "尚未安排评委，无法录入成绩"));
            }
            else if (panel.size() < panelSize) {
                conflicts.add(new Conflict(m.slot(), "SHORT_PANEL", "评委 " + panel.size() + " 人，少于规定的 " + panelSize + " 人"));
            }
            if (panel.size() % 2 == 0 && !panel.isEmpty()) {
                conflicts.add(new Conflict(m.slot(), "EVEN_PANEL", "评委人数为偶数，可能出现平票"));
            }
            if (m.venueId() != null) {
                String at = m.venueId() + "@" + (m.startsAt() == null ? round.startsAt() : m.startsAt());
                Integer other = venueSlot.putIfAbsent(at, m.slot());
                if (other != null) {
                    Venue venue = venues.get(m.venueId());
                    conflicts.add(new Conflict(m.slot(), "VENUE_TWICE",
                            (venue == null ? "该场地" : venue.name()) + "同一时间已安排第 " + other + " 场"));
                }
            }
            else {
                conflicts.add(new Conflict(m.slot(), "NO_VENUE", "尚未安排场地"));
            }
        }
        if (!round.isKnockout() && !matches.isEmpty()) {
            List<String> missing = teams.values().stream().filter(t -> !placed.contains(t.id())).map(Team::name).sorted().toList();
            if (!missing.isEmpty()) {
                conflicts.add(new Conflict(0, "UNPLACED", "未安排比赛的队伍：" + String.join("、", missing)));
            }
        }
        return conflicts;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    private static String name(Team team) {
        return team == null ? "（已删除的队伍）" : team.name();
    }
}
