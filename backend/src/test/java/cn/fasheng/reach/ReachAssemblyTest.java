package cn.fasheng.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.fasheng.publishing.Channel;
import cn.fasheng.publishing.ChannelFigures.DayFigures;
import cn.fasheng.reach.ReachDashboard.Counted;
import cn.fasheng.reach.ReachFigures.GroupRow;
import cn.fasheng.reach.ReachTargetSource.Page;

/** The dashboard's sums, worked out by hand: channels per day, topics, kinds, top items, completion, contests, sites. */
class ReachAssemblyTest {

    static final LocalDate D1 = LocalDate.of(2026, 11, 2);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);

    /** views, plays, p25, p50, p75, p100 */
    private static long[] m(long... values) {
        return values;
    }

    private ReachFigures assemble(Map<String, Long> scans) {
        Map<ReachTarget, Map<String, long[]>> pages = Map.of(
                ReachTarget.CONTENT, Map.of("a", m(100, 0, 0, 0, 0, 0), "v", m(40, 20, 16, 12, 9, 5), "gone", m(7, 0, 0, 0, 0, 0)),
                ReachTarget.SITE, Map.of("s1", m(12, 0, 0, 0, 0, 0)));
        Map<ReachTarget, Map<String, long[]>> daily = Map.of(
                ReachTarget.CONTENT, Map.of(D1.toString(), m(60, 5, 0, 0, 0, 0), D3.toString(), m(87, 15, 0, 0, 0, 0)),
                ReachTarget.CONTEST, Map.of(D2.toString(), m(30, 0, 0, 0, 0, 0)));
        Map<String, long[]> contestDays = Map.of("c1|" + D2, new long[] {30}, "c1|" + D3, new long[] {4});
        List<DayFigures> channels = List.of(
                new DayFigures(Channel.BILIBILI, "v", D1, Map.of("views", 300L, "likes", 10L, "coins", 2L)),
                new DayFigures(Channel.BILIBILI, "v", D2, Map.of("views", 50L, "shares", 3L)),
                new DayFigures(Channel.WECHAT, "a", D2, Map.of("views", 95L, "readers", 80L, "shares", 7L, "favorites", 1L)),
                // Outside the range and of an item no source knows: neither is counted.
                new DayFigures(Channel.WECHAT, "a", D3.plusDays(1), Map.of("views", 1000L)),
                new DayFigures(Channel.WECHAT, "unknown", D2, Map.of("views", 1000L)));
        Map<ReachTarget, Map<String, Page>> described = new HashMap<>();
        described.put(ReachTarget.CONTENT, Map.of(
                "a", new Page("a", "物业费纠纷怎么办", "文章", List.of("民法典", "以案说法"), "/articles/a"),
                "v", new Page("v", "反诈四要点", "微视频", List.of("以案说法"), "/videos/v")));
        described.put(ReachTarget.CONTEST, Map.of("c1", new Page("c1", "2026 杨浦区高中生法治辩论赛", null, List.of(), "/debate/c1")));
        described.put(ReachTarget.SITE, Map.of("s1", new Page("s1", "大桥法治小游园", "大桥街道", List.of(), "/landscape/s1"),
                "s2", new Page("s2", "五角场宪法角", "五角场街道", List.of(), "/landscape/s2")));
        return ReachAssembly.assemble(D1, D3, "本月", List.of(D1, D2, D3), new Counted(pages, daily, contestDays), channels,
                scans, described);
    }

    @Test
    void channelsAddUpPerDayAndOnlyForKnownItemsInTheRange() {
        ReachFigures f = assemble(Map.of("s1", 9L, "s2", 3L));
        assertThat(f.channels()).extracting(ReachFigures.Series::key).containsExactly("column", "bilibili", "wechat");
        assertThat(f.channels().get(0).values()).containsExactly(60L, 0L, 87L);
        assertThat(f.channels().get(1).values()).containsExactly(300L, 50L, 0L);
        assertThat(f.channels().get(2).values()).containsExactly(0L, 95L, 0L);
        assertThat(f.totals().columnViews()).isEqualTo(147);
        assertThat(f.totals().bilibiliViews()).isEqualTo(350);
        assertThat(f.totals().wechatReads()).isEqualTo(95);
        assertThat(f.totals().interactions()).as("likes, coins, shares, favourites").isEqualTo(10 + 2 + 3 + 7 + 1);
    }

    @Test
    void topicsKindsAndTopItemsCombineTheColumnAndTheChannels() {
        ReachFigures f = assemble(Map.of());
        // "v": 40 column + 350 Bilibili; "a": 100 column + 95 WeChat. An item in two topics counts in both.
        assertThat(f.byTopic()).containsExactly(new GroupRow("以案说法", 140, 350, 95, 585), new GroupRow("民法典", 100, 0, 95, 195));
        assertThat(f.byKind()).containsExactly(new GroupRow("微视频", 40, 350, 0, 390), new GroupRow("文章", 100, 0, 95, 195));
        assertThat(f.top()).extracting(ReachFigures.ItemRow::title).containsExactly("反诈四要点", "物业费纠纷怎么办");
        assertThat(f.top().get(0).total()).isEqualTo(390);
        assertThat(f.top().get(1).shares()).isEqualTo(7);
    }

    @Test
    void completionContestsAndSites() {
        ReachFigures f = assemble(Map.of("s1", 9L, "s2", 3L));
        assertThat(f.completion()).singleElement().satisfies(v -> {
            assertThat(v.plays()).isEqualTo(20);
            assertThat(v.p50()).isEqualTo(12);
            assertThat(v.completionRate()).isEqualTo(25.0);
        });
        assertThat(f.totals().plays()).isEqualTo(20);
        assertThat(f.totals().completed()).isEqualTo(5);
        assertThat(f.contests()).singleElement().satisfies(c -> {
            assertThat(c.label()).isEqualTo("2026 杨浦区高中生法治辩论赛");
            assertThat(c.values()).containsExactly(0L, 30L, 4L);
            assertThat(c.total()).isEqualTo(34);
        });
        assertThat(f.sites()).extracting(s -> s.name() + ":" + s.views() + ":" + s.scans())
                .containsExactly("大桥法治小游园:12:9", "五角场宪法角:0:3");
        assertThat(f.totals().qrScans()).isEqualTo(12);
        assertThat(f.totals().siteViews()).isEqualTo(12);
    }

    @Test
    void anEmptyRangeHasZerosAndNoRows() {
        ReachFigures f = ReachAssembly.assemble(D1, D1, "本周", List.of(D1), new Counted(Map.of(), Map.of(), Map.of()), List.of(),
                Map.of(), Map.of());
        assertThat(f.channels()).allSatisfy(s -> assertThat(s.values()).containsExactly(0L));
        assertThat(f.top()).isEmpty();
        assertThat(f.completion()).isEmpty();
        assertThat(f.sites()).isEmpty();
        assertThat(ReachAssembly.percent(1, 3)).isEqualTo(33.3);
    }
}
