package cn.fasheng.debate.standings;

import java.util.List;
import java.util.Optional;

/** The metrics a contest may order its standings by; a new one is a small class added here. */
public final class TeamMetrics {

    public static final List<TeamMetric> ALL = List.of(new WinsMetric(), new BallotsWonMetric(),
            new SpeakerTotalMetric(), new MarginMetric());

    private TeamMetrics() {
    }

    public static Optional<TeamMetric> byKey(String key) {
        return ALL.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    public static List<TeamMetric> of(List<String> keys) {
        return keys.stream().map(key -> byKey(key).orElseThrow(() -> new IllegalArgumentException(key))).toList();
    }
}
