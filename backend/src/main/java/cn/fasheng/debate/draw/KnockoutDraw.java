package cn.fasheng.debate.draw;

import java.util.ArrayList;
import java.util.List;

/**
 * The knockout: the break (the top teams of the standings) seeded so that 1 and 2 can only meet in the final
 * (for eight: 1v8, 4v5, 2v7, 3v6), then the winners of neighbouring matches. The better seed is 正方.
 */
public final class KnockoutDraw {

    private KnockoutDraw() {
    }

    public record Seeded(String teamId, int seed) {
    }

    public record KnockoutPairing(Seeded affirmative, Seeded negative) {
    }

    public static boolean validBreak(int size) {
        return size >= 2 && Integer.bitCount(size) == 1;
    }

    /** {@code broken} in standings order: the first is seed 1. */
    public static List<KnockoutPairing> first(List<String> broken) {
        int size = broken.size();
        if (!validBreak(size)) {
            throw new IllegalArgumentException("break size must be a power of two");
        }
        List<Integer> order = List.of(1, 2);
        while (order.size() < size) {
            int next = order.size() * 2 + 1;
            List<Integer> grown = new ArrayList<>();
            for (int seed : order) {
                grown.add(seed);
                grown.add(next - seed);
            }
            order = grown;
        }
        List<KnockoutPairing> pairings = new ArrayList<>();
        for (int i = 0; i < order.size(); i += 2) {
            pairings.add(pairing(new Seeded(broken.get(order.get(i) - 1), order.get(i)),
                    new Seeded(broken.get(order.get(i + 1) - 1), order.get(i + 1))));
        }
        return pairings;
    }

    /** The winners of the previous knockout round, by slot: winners of slots 1 and 2 meet, 3 and 4, … */
    public static List<KnockoutPairing> next(List<Seeded> winnersBySlot) {
        List<KnockoutPairing> pairings = new ArrayList<>();
        for (int i = 0; i + 1 < winnersBySlot.size(); i += 2) {
            pairings.add(pairing(winnersBySlot.get(i), winnersBySlot.get(i + 1)));
        }
        return pairings;
    }

    private static KnockoutPairing pairing(Seeded a, Seeded b) {
        return a.seed() <= b.seed() ? new KnockoutPairing(a, b) : new KnockoutPairing(b, a);
    }

    /** 决赛, 半决赛, 四分之一决赛, 八分之一决赛, then 1/16 决赛 and so on. */
    public static String roundName(int teams) {
        return switch (teams) {
            case 2 -> "决赛";
            case 4 -> "半决赛";
            case 8 -> "四分之一决赛";
            case 16 -> "八分之一决赛";
            default -> "1/" + teams / 2 + " 决赛";
        };
    }
}
