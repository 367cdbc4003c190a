package cn.fasheng.debate.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A preliminary round's draw, power-paired: teams with the same number of wins (a bracket) meet each other, the
 * top half of a bracket against its bottom half (slide: 1 v 3, 2 v 4 in a bracket of four), an odd bracket pulling
 * up the best team of the next. The first round is one bracket in random order.
 *
 * <p>Rematches and two teams of one school are avoided by a backtracking search that tries, for each team in
 * standings order, the partners closest to its ideal one (same bracket first). Where no draw avoids them all, the
 * search allows as few as it can: first as few rematches, then as few same-school pairs (each budget raised one
 * at a time); such pairings come back flagged for the editor to see.
 */
public final class PrelimDraw {

    private static final int SEARCH_BUDGET = 200_000;
    // Across all budgets tried, so that a draw which cannot avoid many conflicts still comes back in about a second.
    private static final int TOTAL_BUDGET = 2_000_000;

    private PrelimDraw() {
    }

    /** {@code ranked} is the teams in standings order (for round one: any order; it is shuffled). */
    public static List<Pairing> pair(List<DrawTeam> ranked, boolean firstRound, Random random) {
        if (ranked.size() % 2 != 0) {
            throw new IllegalArgumentException("odd number of teams");
        }
        List<DrawTeam> order = new ArrayList<>(ranked);
        if (firstRound) {
            java.util.Collections.shuffle(order, random);
        }
        else {
            // Brackets by wins; the standings order within them.
            order.sort(Comparator.comparingInt(DrawTeam::wins).reversed());
        }
        int[] ideal = idealPartners(order);
        int pairs = order.size() / 2;
        int[] total = {TOTAL_BUDGET};
        for (int rematches = 0; rematches <= pairs; rematches++) {
            for (int sameSchool = 0; sameSchool <= pairs - rematches; sameSchool++) {
                int[] partner = new int[order.size()];
                java.util.Arrays.fill(partner, -1);
                int[] budget = {Math.min(SEARCH_BUDGET, Math.max(total[0], 1_000))};
                int before = budget[0];
                boolean found = search(order, ideal, new int[] {rematches, sameSchool}, partner, budget);
                total[0] -= before - budget[0];
                if (found) {
                    return sides(order, partner, random);
                }
            }
        }
        // Out of search budget: any pairing at all, still preferring the fewest conflicts team by team.
        int[] partner = new int[order.size()];
        java.util.Arrays.fill(partner, -1);
        search(order, ideal, new int[] {pairs, pairs}, partner, new int[] {Integer.MAX_VALUE});
        return sides(order, partner, random);
    }

    private static int[] idealPartners(List<DrawTeam> order) {
        Map<Integer, List<Integer>> brackets = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            brackets.computeIfAbsent(order.get(i).wins(), w -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> list = new ArrayList<>(brackets.values());
        int[] ideal = new int[order.size()];
        for (int b = 0; b < list.size(); b++) {
            List<Integer> members = list.get(b);
            if (members.size() % 2 != 0 && b + 1 < list.size()) {
                members.add(list.get(b + 1).remove(0));
            }
            int half = members.size() / 2;
            for (int i = 0; i < half; i++) {
                ideal[members.get(i)] = members.get(i + half);
                ideal[members.get(i + half)] = members.get(i);
            }
        }
        return ideal;
    }

    /** {@code allowed}: how many more rematches ([0]) and same-school pairs ([1]) the draw may still contain. */
    private static boolean search(List<DrawTeam> order, int[] ideal, int[] allowed, int[] partner, int[] budget) {
        int first = -1;
        for (int i = 0; i < partner.length; i++) {
            if (partner[i] < 0) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return true;
        }
        if (--budget[0] < 0) {
            return false;
        }
        DrawTeam team = order.get(first);
        List<Integer> candidates = new ArrayList<>();
        for (int j = first + 1; j < partner.length; j++) {
            if (partner[j] < 0 && allowed[0] >= (team.metBefore(order.get(j)) ? 1 : 0)
                    && allowed[1] >= (kind(team, order.get(j)) == 1 ? 1 : 0)) {
                candidates.add(j);
            }
        }
        int self = first;
        candidates.sort(Comparator.<Integer>comparingInt(j -> kind(team, order.get(j)) < 0 ? 0 : 1)
                .thenComparingInt(j -> Math.abs(order.get(j).wins() - team.wins()))
                .thenComparingInt(j -> Math.abs(j - ideal[self])));
        for (int j : candidates) {
            int kind = kind(team, order.get(j));
            if (kind >= 0) {
                allowed[kind]--;
            }
            partner[first] = j;
            partner[j] = first;
            if (search(order, ideal, allowed, partner, budget)) {
                return true;
            }
            partner[first] = -1;
            partner[j] = -1;
            if (kind >= 0) {
                allowed[kind]++;
            }
        }
        return false;
    }

    /** 0: a rematch (even between two teams of one school), 1: two teams of one school, -1: neither. */
    private static int kind(DrawTeam a, DrawTeam b) {
        return a.metBefore(b) ? 0 : a.sameSchool(b) ? 1 : -1;
    }

    /** The side a team has had less often; equal histories are decided by lot. */
    private static List<Pairing> sides(List<DrawTeam> order, int[] partner, Random random) {
        List<Pairing> pairings = new ArrayList<>();
        for (int i = 0; i < partner.length; i++) {
            if (partner[i] < i) {
                continue;
            }
            DrawTeam a = order.get(i);
            DrawTeam b = order.get(partner[i]);
            int leanA = a.affirmative() - a.negative();
            int leanB = b.affirmative() - b.negative();
            boolean aFirst = leanA != leanB ? leanA < leanB : random.nextBoolean();
            DrawTeam aff = aFirst ? a : b;
            DrawTeam neg = aFirst ? b : a;
            pairings.add(new Pairing(aff.id(), neg.id(), a.metBefore(b), a.sameSchool(b)));
        }
        return pairings;
    }
}
