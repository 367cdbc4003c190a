package cn.fasheng.debate.draw;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.fasheng.debate.draw.KnockoutDraw.KnockoutPairing;
import cn.fasheng.debate.draw.KnockoutDraw.Seeded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnockoutDrawTest {

    @Test
    void eightTeamsAreSeededSoThatOneAndTwoCanOnlyMeetInTheFinal() {
        List<KnockoutPairing> quarters = KnockoutDraw.first(List.of("A", "B", "C", "D", "E", "F", "G", "H"));
        assertThat(quarters).extracting(p -> p.affirmative().seed() + "v" + p.negative().seed())
                .containsExactly("1v8", "4v5", "2v7", "3v6");
        assertThat(quarters.get(0).affirmative().teamId()).isEqualTo("A");
        assertThat(quarters.get(0).negative().teamId()).isEqualTo("H");
    }

    @Test
    void winnersOfNeighbouringMatchesMeetAndTheBetterSeedIsAffirmative() {
        List<KnockoutPairing> semis = KnockoutDraw.next(List.of(new Seeded("H", 8), new Seeded("D", 4),
                new Seeded("B", 2), new Seeded("C", 3)));
        assertThat(semis).extracting(p -> p.affirmative().teamId() + "-" + p.negative().teamId())
                .containsExactly("D-H", "B-C");
    }

    @Test
    void breakMustBeAPowerOfTwo() {
        assertThat(KnockoutDraw.validBreak(8)).isTrue();
        assertThat(KnockoutDraw.validBreak(6)).isFalse();
        assertThatThrownBy(() -> KnockoutDraw.first(List.of("A", "B", "C"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsAreNamedByTheTeamsLeft() {
        assertThat(KnockoutDraw.roundName(8)).isEqualTo("四分之一决赛");
        assertThat(KnockoutDraw.roundName(4)).isEqualTo("半决赛");
        assertThat(KnockoutDraw.roundName(2)).isEqualTo("决赛");
    }
}
