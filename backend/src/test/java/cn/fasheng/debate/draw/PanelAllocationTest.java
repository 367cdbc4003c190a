package cn.fasheng.debate.draw;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.fasheng.debate.draw.PanelAllocation.MatchSchools;
import cn.fasheng.debate.draw.PanelAllocation.PanelJudge;

import static org.assertj.core.api.Assertions.assertThat;

class PanelAllocationTest {

    @Test
    void fullPanelsWheneverSomeArrangementAllowsThem() {
        // Eight matches between eight schools; 24 judges, each with a conflict against one school.
        List<MatchSchools> matches = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            matches.add(new MatchSchools("s" + m, "s" + (m + 1) % 8));
        }
        List<PanelJudge> judges = new ArrayList<>();
        for (int j = 0; j < 24; j++) {
            judges.add(new PanelJudge("j" + j, Set.of("s" + j % 8), 0));
        }
        List<List<String>> panels = PanelAllocation.allocate(matches, judges, 3);
        Set<String> seated = new HashSet<>();
        for (int m = 0; m < 8; m++) {
            assertThat(panels.get(m)).hasSize(3);
            for (String judge : panels.get(m)) {
                assertThat(seated.add(judge)).as("judge on two matches").isTrue();
                int school = Integer.parseInt(judge.substring(1)) % 8;
                assertThat(school).isNotIn(m, (m + 1) % 8);
            }
        }
    }

    @Test
    void judgesWhoSatLeastAreChosenFirstAndShortageFallsOnTheLastSeats() {
        List<MatchSchools> matches = List.of(new MatchSchools("a", "b"), new MatchSchools("c", "d"));
        List<PanelJudge> judges = List.of(new PanelJudge("busy", Set.of(), 3), new PanelJudge("fresh1", Set.of(), 0),
                new PanelJudge("fresh2", Set.of(), 0), new PanelJudge("fresh3", Set.of(), 1));
        List<List<String>> panels = PanelAllocation.allocate(matches, judges, 3);
        // Four judges for two panels of three: 3 and 1 rather than 2 and 2, which could split 1:1.
        assertThat(panels.get(0)).hasSize(3).startsWith("fresh1");
        assertThat(panels.get(1)).hasSize(1).startsWith("fresh2");
    }

    @Test
    void panelsShortOfJudgesAreNeverEven() {
        List<MatchSchools> matches = List.of(new MatchSchools("a", "b"), new MatchSchools("c", "d"), new MatchSchools("e", "f"));
        List<PanelJudge> judges = new ArrayList<>();
        for (int j = 0; j < 7; j++) {
            judges.add(new PanelJudge("j" + j, Set.of(), 0));
        }
        List<List<String>> panels = PanelAllocation.allocate(matches, judges, 3);
        assertThat(panels).extracting(List::size).containsExactly(3, 3, 1);
    }
}
