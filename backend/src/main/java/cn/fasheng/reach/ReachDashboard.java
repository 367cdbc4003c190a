package cn.fasheng.reach;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.publishing.ChannelFigures;
import cn.fasheng.publishing.ChannelFigures.DayFigures;
import cn.fasheng.reach.ReachTargetSource.Page;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Adds up the daily counts and the channels' figures for a range of days into what the dashboard and reports show. */
@Service
public class ReachDashboard {

    static final int MAX_DAYS = 366;
    static final int TOP = 10;

    private final ReactiveMongoTemplate mongo;
    private final ChannelFigures channelFigures;
    private final Map<ReachTarget, ReachTargetSource> sources;

    ReachDashboard(ReactiveMongoTemplate mongo, ChannelFigures channelFigures, List<ReachTargetSource> sources) {
        this.mongo = mongo;
        this.channelFigures = channelFigures;
        this.sources = sources.stream().collect(Collectors.toMap(ReachTargetSource::target, Function.identity()));
    }

    /** Counts per page over the range, and per day for the series. */
    record Counted(Map<ReachTarget, Map<String, long[]>> pages, Map<ReachTarget, Map<String, long[]>> daily,
            Map<String, long[]> contestDays) {
    }

    public Mono<ReachFigures> figures(LocalDate from, LocalDate to, String title) {
        if (from == null || to == null) {
            throw new InvalidRequestException("from", "请选择起止日期");
        }
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "结束日期不能早于开始日期");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidRequestException("to", "一次最多统计 " + MAX_DAYS + " 天");
        }
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        Mono<Map<String, Long>> scans = source(ReachTarget.SITE).map(s -> s.qrScans(from, to)).orElse(Mono.just(Map.of()));
        return Mono.zip(counted(from, to), channelFigures.between(from, to).collectList(), scans)
                .flatMap(all -> describe(all.getT1(), all.getT2(), all.getT3().keySet()).map(pages ->
                        ReachAssembly.assemble(from, to, title, days, all.getT1(), all.getT2(), all.getT3(), pages)));
    }

    private Mono<Counted> counted(LocalDate from, LocalDate to) {
        Criteria range = Criteria.where("day").gte(from.toString()).lte(to.toString());
        String[] metrics = java.util.Arrays.stream(ReachMetric.values()).map(ReachMetric::field).toArray(String[]::new);
        Mono<Map<ReachTarget, Map<String, long[]>>> pages = grouped(range, new String[] {"target", "targetId"}, metrics,
                "targetId");
        Mono<Map<ReachTarget, Map<String, long[]>>> daily = grouped(range, new String[] {"target", "day"}, metrics, "day");
        Mono<Map<String, long[]>> contestDays = grouped(new Criteria().andOperator(range,
                        Criteria.where("target").is(ReachTarget.CONTEST.code())), new String[] {"target", "targetId", "day"},
                new String[] {"views"}, null)
                .map(byTarget -> byTarget.getOrDefault(ReachTarget.CONTEST, Map.of()));
        return Mono.zip(pages, daily, contestDays).map(all -> new Counted(all.getT1(), all.getT2(), all.getT3()));
    }

    /** Sums per group, keyed by target and then by {@code keyField} (or "targetId|day" when null). */
    private Mono<Map<ReachTarget, Map<String, long[]>>> grouped(Criteria match, String[] by, String[] sums, String keyField) {
        var group = Aggregation.group(by);
        for (String sum : sums) {
            group = group.sum(sum).as(sum);
        }
        return mongo.aggregate(Aggregation.newAggregation(Aggregation.match(match), group), ReachDay.class,
                        org.bson.Document.class)
                .collectList().map(rows -> {
                    Map<ReachTarget, Map<String, long[]>> out = new EnumMap<>(ReachTarget.class);
                    for (org.bson.Document row : rows) {
                        org.bson.Document id = row.get("_id", org.bson.Document.class);
                        ReachTarget target = ReachTarget.byCode(id.getString("target")).orElse(null);
                        if (target == null) {
                            continue;
                        }
                        String key = keyField != null ? id.getString(keyField) : id.getString("targetId") + "|" + id.getString("day");
                        long[] values = new long[sums.length];
                        for (int i = 0; i < sums.length; i++) {
                            Object v = row.get(sums[i]);
                            values[i] = v instanceof Number n ? n.longValue() : 0;
                        }
                        out.computeIfAbsent(target, t -> new HashMap<>()).put(key, values);
                    }
                    return out;
                });
    }

    private Mono<Map<ReachTarget, Map<String, Page>>> describe(Counted counted, List<DayFigures> channels, Set<String> scanned) {
        Map<ReachTarget, Set<String>> ids = new EnumMap<>(ReachTarget.class);
        counted.pages().forEach((target, pages) -> ids.computeIfAbsent(target, t -> new HashSet<>()).addAll(pages.keySet()));
        channels.forEach(f -> ids.computeIfAbsent(ReachTarget.CONTENT, t -> new HashSet<>()).add(f.contentId()));
        ids.computeIfAbsent(ReachTarget.SITE, t -> new HashSet<>()).addAll(scanned);
        return Flux.fromIterable(ids.entrySet())
                .flatMap(entry -> source(entry.getKey()).map(s -> describe(s, entry.getValue())).orElse(Mono.just(Map.of()))
                        .map(pages -> Map.entry(entry.getKey(), pages)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(ReachTarget.class));
    }

    private static Mono<Map<String, Page>> describe(ReachTargetSource source, Collection<String> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : source.describe(ids);
    }

    private java.util.Optional<ReachTargetSource> source(ReachTarget target) {
        return java.util.Optional.ofNullable(sources.get(target));
    }
}
