package cn.fasheng.reach;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * A feature whose public pages are counted: it says which of the reported ids are its pages and what they are called.
 * Counts for ids no source knows are dropped, so a made-up id cannot fill the database.
 */
public interface ReachTargetSource {

    ReachTarget target();

    /** The known ones among {@code ids}, each described. */
    Mono<Map<String, Page>> describe(Collection<String> ids);

    /** Views just added to the daily documents, for a running total the feature shows on its pages. */
    default Mono<Void> counted(Map<String, Long> views) {
        return Mono.empty();
    }

    /** QR-code scans per page id between two Shanghai days (inclusive), for pages that have printed codes. */
    default Mono<Map<String, Long>> qrScans(LocalDate from, LocalDate to) {
        return Mono.just(Map.of());
    }

    /**
     * One counted page. {@code kind} and {@code topics} group content items (empty for others); {@code path} is its
     * public address within the application.
     */
    record Page(String id, String title, String kind, List<String> topics, String path) {
    }
}
