package cn.fasheng.debate.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrelimDrawTest {

    /** Sixteen teams, four from each of four schools, as in the district's contest. */
    private static List<DrawTeam> sixteen() {
        List<DrawTeam> teams = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            teams.add(new DrawTeam("t" + i, "s" + (i % 4), 0, Set.of(), 0, 0));
        }
        return teams;
    }

    @Test
    void firstRoundNeverPairsTwoTeamsOfOneSchool() {
        for (int seed = 0; seed < 200; seed++) {
            List<Pairing> pairings = PrelimDraw.pair(sixteen(), true, new Random(seed));
            assertThat(pairings).hasSize(8);
            assertThat(pairings).noneMatch(Pairing::sameSchool).noneMatch(Pairing::rematch);
            assertThat(pairings).allSatisfy(p -> assertThat(school(p.affirmative())).isNotEqualTo(school(p.negative())));
            assertThat(placed(pairings)).hasSize(16);
        }
    }

    @Test
    void powerPairsEachBracketTopHalfAgainstBottomHalf() {
        // Standings after two rounds: four on 2 wins, eight on 1, four on 0; all schools different, nobody met.
        List<DrawTeam> ranked = new ArrayList<>();
        int[] wins = {2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0};
        for (int i = 0; i < 16; i++) {
            ranked.add(new DrawTeam("t" + i, "s" + i, wins[i], Set.of(), 1, 1));
        }
        Set<Set<String>> pairs = pairs(PrelimDraw.pair(ranked, false, new Random(1)));
        assertThat(pairs).containsExactlyInAnyOrder(
                Set.of("t0", "t2"), Set.of("t1", "t3"),
                Set.of("t4", "t8"), Set.of("t5", "t9"), Set.of("t6", "t10"), Set.of("t7", "t11"),
                Set.of("t12", "t14"), Set.of("t13", "t15"));
    }

    @Test
    void anOddBracketPullsUpTheBestTeamOfTheNext() {
        int[] wins = {1, 1, 1, 0, 0, 0};
        List<DrawTeam> ranked = new ArrayList<>();
        for (int i = 0; i < wins.length; i++) {
            ranked.add(new DrawTeam("t" + i, "s" + i, wins[i], Set.of(), 0, 1));
        }
        Set<Set<String>> pairs = pairs(PrelimDraw.pair(ranked, false, new Random(3)));
        // Bracket {t0, t1, t2} + pulled-up t3 slides: t0-t2, t1-t3; then t4-t5.
        assertThat(pairs).containsExactlyInAnyOrder(Set.of("t0", "t2"), Set.of("t1", "t3"), Set.of("t4", "t5"));
    }

    @Test
    void aRematchIsAvoidedByTheNearestOtherPartner() {
        List<DrawTeam> met = List.of(
                new DrawTeam("a", "s1", 1, Set.of("b"), 1, 0),
                new DrawTeam("b", "s2", 1, Set.of("a"), 0, 1),
                new DrawTeam("c", "s3", 0, Set.of("d"), 0, 1),
                new DrawTeam("d", "s4", 0, Set.of("c"), 1, 0));
        // The ideal a-b and c-d are both rematches: a takes the nearest other partner, c, and b meets d.
        assertThat(pairs(PrelimDraw.pair(met, false, new Random(5))))
                .containsExactlyInAnyOrder(Set.of("a", "c"), Set.of("b", "d"));
    }

    @Test
    void threeSimulatedRoundsHaveNoRematchNoSameSchoolAndPairWithinOneWin() {
        for (int seed = 0; seed < 100; seed++) {
            Random random = new Random(seed);
            Map<String, Integer> wins = new HashMap<>();
            Map<String, Set<String>> met = new HashMap<>();
            Map<String, int[]> sides = new HashMap<>();
            for (int round = 1; round <= 3; round++) {
                List<DrawTeam> ranked = new ArrayList<>();
                for (DrawTeam t : sixteen()) {
                    int[] s = sides.getOrDefault(t.id(), new int[2]);
                    ranked.add(new DrawTeam(t.id(), t.schoolId(), wins.getOrDefault(t.id(), 0),
                            met.getOrDefault(t.id(), Set.of()), s[0], s[1]));
                }
                ranked.sort(Comparator.comparingInt(DrawTeam::wins).reversed());
                List<Pairing> pairings = PrelimDraw.pair(ranked, round == 1, random);
                assertThat(placed(pairings)).hasSize(16);
                for (Pairing p : pairings) {
                    assertThat(met.getOrDefault(p.affirmative(), Set.of())).doesNotContain(p.negative());
                    assertThat(school(p.affirmative())).isNotEqualTo(school(p.negative()));
                    assertThat(Math.abs(wins.getOrDefault(p.affirmative(), 0) - wins.getOrDefault(p.negative(), 0)))
                            .isLessThanOrEqualTo(1);
                    met.computeIfAbsent(p.affirmative(), k -> new HashSet<>()).add(p.negative());
                    met.computeIfAbsent(p.negative(), k -> new HashSet<>()).add(p.affirmative());
                    sides.computeIfAbsent(p.affirmative(), k -> new int[2])[0]++;
                    sides.computeIfAbsent(p.negative(), k -> new int[2])[1]++;
                    String winner = random.nextBoolean() ? p.affirmative() : p.negative();
                    wins.merge(winner, 1, Integer::sum);
                }
            }
            // Sides alternate as far as pairings allow: nobody is 正方 (or 反方) in all three rounds... mostly;
            // at the very least nobody's sides differ by more than three, and most teams are balanced within one.
            long balanced = sides.values().stream().filter(s -> Math.abs(s[0] - s[1]) <= 1).count();
            assertThat(balanced).isGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void sidesGoToTheTeamThatHadTheOtherSide() {
        List<DrawTeam> ranked = List.of(
                new DrawTeam("a", "s1", 1, Set.of(), 1, 0),
                new DrawTeam("b", "s2", 1, Set.of(), 0, 1));
        Pairing p = PrelimDraw.pair(ranked, false, new Random(0)).get(0);
        assertThat(p.affirmative()).isEqualTo("b");
        assertThat(p.negative()).isEqualTo("a");
    }

    @Test
    void whenOnlySameSchoolPairsRemainTheDrawIsMadeAndFlagged() {
        List<DrawTeam> ranked = List.of(
                new DrawTeam("a", "s1", 0, Set.of(), 0, 0),
                new DrawTeam("b", "s1", 0, Set.of(), 0, 0));
        List<Pairing> pairings = PrelimDraw.pair(ranked, false, new Random(0));
        assertThat(pairings).singleElement().satisfies(p -> assertThat(p.sameSchool()).isTrue());
    }

    @Test
    void whenSomeConflictIsUnavoidableTheDrawHasAsFewAsPossible() {
        // Four of six teams from one school: one same-school pair is unavoidable, two would be a bad draw.
        for (int seed = 0; seed < 50; seed++) {
            List<DrawTeam> teams = List.of(
                    new DrawTeam("a", "s1", 0, Set.of(), 0, 0), new DrawTeam("b", "s1", 0, Set.of(), 0, 0),
                    new DrawTeam("c", "s2", 0, Set.of(), 0, 0), new DrawTeam("d", "s1", 0, Set.of(), 0, 0),
                    new DrawTeam("e", "s1", 0, Set.of(), 0, 0), new DrawTeam("f", "s3", 0, Set.of(), 0, 0));
            assertThat(PrelimDraw.pair(teams, true, new Random(seed)).stream().filter(Pairing::sameSchool)).hasSize(1);
        }
        // Everyone has met everyone but one pair's partners: a rematch is forced, but only one.
        List<DrawTeam> late = List.of(
                new DrawTeam("a", "s1", 2, Set.of("b", "c"), 1, 1), new DrawTeam("b", "s2", 2, Set.of("a", "d"), 1, 1),
                new DrawTeam("c", "s3", 1, Set.of("a", "d"), 1, 1), new DrawTeam("d", "s4", 1, Set.of("b", "c"), 1, 1));
        List<Pairing> pairings = PrelimDraw.pair(late, false, new Random(0));
        assertThat(pairings.stream().filter(Pairing::rematch)).isEmpty();
        List<DrawTeam> forced = List.of(
                new DrawTeam("a", "s1", 1, Set.of("b", "c", "d"), 1, 1), new DrawTeam("b", "s2", 1, Set.of("a"), 1, 1),
                new DrawTeam("c", "s3", 0, Set.of("a"), 1, 1), new DrawTeam("d", "s4", 0, Set.of("a"), 1, 1));
        assertThat(PrelimDraw.pair(forced, false, new Random(0)).stream().filter(Pairing::rematch)).hasSize(1);
    }

    private static String school(String teamId) {
        return "s" + (Integer.parseInt(teamId.substring(1)) % 4);
    }

    private static Set<String> placed(List<Pairing> pairings) {
        Set<String> placed = new HashSet<>();
        pairings.forEach(p -> {
            placed.add(p.affirmative());
            placed.add(p.negative());
        });
        return placed;
    }

    private static Set<Set<String>> pairs(List<Pairing> pairings) {
        Set<Set<String>> pairs = new HashSet<>();
        pairings.forEach(p -> pairs.add(Set.of(p.affirmative(), p.negative())));
        return pairs;
    }
}
