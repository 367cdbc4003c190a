package cn.fasheng.debate.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Places judges on a round's matches: never a judge with a conflict against either team's school, never one
 * judge on two matches. Seats are filled as a maximum bipartite matching (augmenting paths), so a panel is short
 * only when no arrangement could fill it, not because an early match took the judges a later one needed; the
 * judges who have sat least so far are tried first, so the load is shared. Short panels are reported by the
 * draw's conflicts.
 */
public final class PanelAllocation {

    private PanelAllocation() {
    }

    public record PanelJudge(String id, Set<String> conflictSchoolIds, int sat) {
    }

    public record MatchSchools(String affirmativeSchoolId, String negativeSchoolId) {
    }

    public static List<List<String>> allocate(List<MatchSchools> matches, List<PanelJudge> judges, int panelSize) {
        List<PanelJudge> order = new ArrayList<>(judges);
        order.sort(Comparator.comparingInt(PanelJudge::sat).thenComparing(PanelJudge::id));
        int seats = matches.size() * panelSize;
        int[] judgeOfSeat = new int[seats];
        int[] seatOfJudge = new int[order.size()];
        Arrays.fill(judgeOfSeat, -1);
        Arrays.fill(seatOfJudge, -1);
        // Seat by seat in rounds (first seat of every match, then second…) so that shortage, if any, falls on the
        // last seats of the least important matches rather than leaving a match without any judge.
        for (int k = 0; k < panelSize; k++) {
            for (int m = 0; m < matches.size(); m++) {
                augment(m * panelSize + k, matches, order, panelSize, judgeOfSeat, seatOfJudge, new boolean[order.size()]);
            }
        }
        List<List<String>> panels = new ArrayList<>();
        for (int m = 0; m < matches.size(); m++) {
            List<String> panel = new ArrayList<>();
            for (int k = 0; k < panelSize; k++) {
                int j = judgeOfSeat[m * panelSize + k];
                if (j >= 0) {
                    panel.add(order.get(j).id());
                }
            }
            panels.add(panel);
        }
        return oddPanels(panels, matches, order);
    }

    /**
     * Short of judges, panels could come out even (3/2/2 for seven judges and three matches) and split 1:1 with
     * no result. Two even panels become odd by moving a judge from the later to the earlier where that judge may
     * sit there; an even panel left over gives up its last judge.
     */
    private static List<List<String>> oddPanels(List<List<String>> panels, List<MatchSchools> matches,
            List<PanelJudge> judges) {
        Integer waiting = null;
        for (int m = 0; m < panels.size(); m++) {
            List<String> panel = panels.get(m);
            if (panel.isEmpty() || panel.size() % 2 != 0) {
                continue;
            }
            if (waiting != null) {
                String moved = panel.get(panel.size() - 1);
                PanelJudge judge = judges.stream().filter(j -> j.id().equals(moved)).findFirst().orElseThrow();
                if (allowed(judge, matches.get(waiting))) {
                    panels.get(waiting).add(moved);
                    panel.remove(panel.size() - 1);
                    waiting = null;
                    continue;
                }
                List<String> earlier = panels.get(waiting);
                earlier.remove(earlier.size() - 1);
            }
            waiting = m;
        }
        if (waiting != null) {
            List<String> last = panels.get(waiting);
            last.remove(last.size() - 1);
        }
        return panels;
    }

    private static boolean augment(int seat, List<MatchSchools> matches, List<PanelJudge> judges, int panelSize,
            int[] judgeOfSeat, int[] seatOfJudge, boolean[] visited) {
        MatchSchools match = matches.get(seat / panelSize);
        // A free judge first, in preference order; only then move a seated one elsewhere to make room.
        for (int j = 0; j < judges.size(); j++) {
            if (!visited[j] && seatOfJudge[j] < 0 && allowed(judges.get(j), match)) {
                visited[j] = true;
                seatOfJudge[j] = seat;
                judgeOfSeat[seat] = j;
                return true;
            }
        }
        for (int j = 0; j < judges.size(); j++) {
            if (visited[j] || !allowed(judges.get(j), match)) {
                continue;
            }
            visited[j] = true;
            if (augment(seatOfJudge[j], matches, judges, panelSize, judgeOfSeat, seatOfJudge, visited)) {
                seatOfJudge[j] = seat;
                judgeOfSeat[seat] = j;
                return true;
            }
        }
        return false;
    }

    private static boolean allowed(PanelJudge judge, MatchSchools match) {
        return !judge.conflictSchoolIds().contains(match.affirmativeSchoolId())
                && !judge.conflictSchoolIds().contains(match.negativeSchoolId());
    }
}
