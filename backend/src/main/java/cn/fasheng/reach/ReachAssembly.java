package cn.fasheng.reach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.fasheng.publishing.Channel;
import cn.fasheng.publishing.ChannelFigures;
import cn.fasheng.publishing.ChannelFigures.DayFigures;
import cn.fasheng.reach.ReachDashboard.Counted;
import cn.fasheng.reach.ReachFigures.GroupRow;
import cn.fasheng.reach.ReachFigures.ItemRow;
import cn.fasheng.reach.ReachFigures.Series;
import cn.fasheng.reach.ReachFigures.SiteRow;
import cn.fasheng.reach.ReachFigures.Totals;
import cn.fasheng.reach.ReachFigures.VideoRow;
import cn.fasheng.reach.ReachTargetSource.Page;

/** Puts the counted figures together: no database here, so every sum can be checked by hand in a test. */
final class ReachAssembly {

    private static final int V = ReachMetric.VIEWS.ordinal();
    private static final int PLAYS = ReachMetric.PLAYS.ordinal();
    private static final String NO_TOPIC = "未归入专题";

    private ReachAssembly() {
    }

    /** One content item's figures in the range: column metrics plus the channels' sums. */
    private static final class Item {
        long[] column = new long[ReachMetric.values().length];
        long bilibili;
        long wechat;
        long likes;
        long shares;
        long comments;
        long interactions;

        long total() {
            return column[V] + bilibili + wechat;
        }
    }

    static ReachFigures assemble(LocalDate from, LocalDate to, String title, List<LocalDate> days, Counted counted,
            List<DayFigures> channels, Map<String, Long> scans, Map<ReachTarget, Map<String, Page>> pages) {
        Map<String, Page> contents = pages.getOrDefault(ReachTarget.CONTENT, Map.of());
        Map<String, Integer> dayIndex = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            dayIndex.put(days.get(i).toString(), i);
        }
        long[] columnDaily = new long[days.size()];
        counted.daily().getOrDefault(ReachTarget.CONTENT, Map.of()).forEach((day, values) -> {
            Integer i = dayIndex.get(day);
            if (i != null) {
                columnDaily[i] += values[V];
            }
        });
        long[] bilibiliDaily = new long[days.size()];
        long[] wechatDaily = new long[days.size()];
        Map<String, Item> items = new LinkedHashMap<>();
        counted.pages().getOrDefault(ReachTarget.CONTENT, Map.of()).forEach((id, values) -> {
            if (contents.containsKey(id)) {
                items.computeIfAbsent(id, k -> new Item()).column = values;
            }
        });
        for (DayFigures f : channels) {
            Integer i = dayIndex.get(f.day().toString());
            if (i == null || !contents.containsKey(f.contentId())) {
                continue;
            }
            Item item = items.computeIfAbsent(f.contentId(), k -> new Item());
            long views = f.get(ChannelFigures.VIEWS);
            if (f.channel() == Channel.BILIBILI) {
                bilibiliDaily[i] += views;
                item.bilibili += views;
            }
            else {
                wechatDaily[i] += views;
                item.wechat += views;
            }
            item.likes += f.get(ChannelFigures.LIKES);
            item.shares += f.get(ChannelFigures.SHARES);
            item.comments += f.get(ChannelFigures.COMMENTS);
            item.interactions += f.get(ChannelFigures.LIKES) + f.get(ChannelFigures.SHARES) + f.get(ChannelFigures.COMMENTS)
                    + f.get(ChannelFigures.COINS) + f.get(ChannelFigures.FAVORITES);
        }
        List<Series> channelSeries = List.of(series("column", "法声昂“杨”栏目", columnDaily),
                series("bilibili", Channel.BILIBILI.label(), bilibiliDaily), series("wechat", Channel.WECHAT.label(), wechatDaily));

        Map<String, long[]> topics = new LinkedHashMap<>();
        Map<String, long[]> kinds = new LinkedHashMap<>();
        items.forEach((id, item) -> {
            Page page = contents.get(id);
            List<String> names = page.topics().isEmpty() ? List.of(NO_TOPIC) : page.topics();
            names.forEach(name -> add(topics, name, item));
            add(kinds, page.kind() == null ? "其他" : page.kind(), item);
        });

        List<ItemRow> top = items.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Item> e) -> e.getValue().total()).reversed()
                        .thenComparing(e -> contents.get(e.getKey()).title()))
                .filter(e -> e.getValue().total() > 0).limit(ReachDashboard.TOP)
                .map(e -> {
                    Page page = contents.get(e.getKey());
                    Item item = e.getValue();
                    return new ItemRow(page.id(), page.title(), page.kind(), page.path(), item.column[V], item.column[PLAYS],
                            item.bilibili, item.wechat, item.likes, item.shares, item.comments, item.total());
                }).toList();

        List<VideoRow> completion = items.entrySet().stream().filter(e -> e.getValue().column[PLAYS] > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, Item> e) -> e.getValue().column[PLAYS]).reversed())
                .map(e -> {
                    long[] c = e.getValue().column;
                    Page page = contents.get(e.getKey());
                    return new VideoRow(page.id(), page.title(), page.kind(), c[PLAYS], c[ReachMetric.P25.ordinal()],
                            c[ReachMetric.P50.ordinal()], c[ReachMetric.P75.ordinal()], c[ReachMetric.P100.ordinal()],
                            percent(c[ReachMetric.P100.ordinal()], c[PLAYS]));
                }).toList();

        Map<String, Page> contestPages = pages.getOrDefault(ReachTarget.CONTEST, Map.of());
        Map<String, long[]> contestDaily = new LinkedHashMap<>();
        counted.contestDays().forEach((key, values) -> {
            String[] parts = key.split("\\|", 2);
            Integer i = dayIndex.get(parts[1]);
            if (i != null && contestPages.containsKey(parts[0])) {
                contestDaily.computeIfAbsent(parts[0], k -> new long[days.size()])[i] += values[0];
            }
        });
        List<Series> contests = contestDaily.entrySet().stream()
                .map(e -> series(e.getKey(), contestPages.get(e.getKey()).title(), e.getValue()))
                .sorted(Comparator.comparingLong(Series::total).reversed()).toList();

        Map<String, Page> sitePages = pages.getOrDefault(ReachTarget.SITE, Map.of());
        Map<String, long[]> siteViews = counted.pages().getOrDefault(ReachTarget.SITE, Map.of());
        List<SiteRow> sites = sitePages.values().stream()
                .map(p -> new SiteRow(p.id(), p.title(), p.kind(), p.path(),
                        siteViews.containsKey(p.id()) ? siteViews.get(p.id())[V] : 0, scans.getOrDefault(p.id(), 0L)))
                .sorted(Comparator.comparingLong(SiteRow::scans).reversed().thenComparing(Comparator.comparingLong(SiteRow::views).reversed())
                        .thenComparing(SiteRow::name))
                .toList();

        long plays = items.values().stream().mapToLong(i -> i.column[PLAYS]).sum();
        long completed = items.values().stream().mapToLong(i -> i.column[ReachMetric.P100.ordinal()]).sum();
        Totals totals = new Totals(channelSeries.get(0).total(), plays, completed, channelSeries.get(1).total(),
                channelSeries.get(2).total(), items.values().stream().mapToLong(i -> i.interactions).sum(),
                contests.stream().mapToLong(Series::total).sum(), sites.stream().mapToLong(SiteRow::views).sum(),
                sites.stream().mapToLong(SiteRow::scans).sum());
        return new ReachFigures(from, to, title, days, totals, channelSeries, rows(topics), rows(kinds), top, completion,
                contests, sites);
    }

    private static void add(Map<String, long[]> groups, String name, Item item) {
        long[] g = groups.computeIfAbsent(name, k -> new long[3]);
        g[0] += item.column[V];
        g[1] += item.bilibili;
        g[2] += item.wechat;
    }

    private static List<GroupRow> rows(Map<String, long[]> groups) {
        List<GroupRow> rows = new ArrayList<>();
        groups.forEach((name, g) -> rows.add(new GroupRow(name, g[0], g[1], g[2], g[0] + g[1] + g[2])));
        rows.sort(Comparator.comparingLong(GroupRow::total).reversed().thenComparing(GroupRow::name));
        return rows;
    }

    private static Series series(String key, String label, long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        long total = 0;
        for (long v : values) {
            list.add(v);
            total += v;
        }
        return new Series(key, label, list, total);
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
