package cn.fasheng.reach;

import java.time.LocalDate;
import java.util.List;

/**
 * The reach of the column and its channels over a range of Shanghai days, as the dashboard shows it and the reports
 * print it. Every list is ordered as shown; {@code values} of a series follow {@code days}.
 */
public record ReachFigures(LocalDate from, LocalDate to, String title, List<LocalDate> days, Totals totals,
        List<Series> channels, List<GroupRow> byTopic, List<GroupRow> byKind, List<ItemRow> top,
        List<VideoRow> completion, List<Series> contests, List<SiteRow> sites) {

    /**
     * @param columnViews   page views of the column's items
     * @param plays         plays started on the column
     * @param completed     plays watched to the end
     * @param bilibiliViews plays on Bilibili
     * @param wechatReads   reads on WeChat
     * @param interactions  likes, coins, favourites, shares and comments on the channels
     * @param contestViews  views of the debate contest pages
     * @param siteViews     views of the micro-landscape pages
     * @param qrScans       scans of the micro-landscape QR codes
     */
    public record Totals(long columnViews, long plays, long completed, long bilibiliViews, long wechatReads,
            long interactions, long contestViews, long siteViews, long qrScans) {
    }

    /** One line of a chart: a channel or a contest, a value per day, and the sum. */
    public record Series(String key, String label, List<Long> values, long total) {
    }

    /** Reach of a topic or a kind: column views, Bilibili plays, WeChat reads and their sum. */
    public record GroupRow(String name, long column, long bilibili, long wechat, long total) {
    }

    /** One content item's reach in the range. */
    public record ItemRow(String id, String title, String kind, String path, long column, long plays, long bilibili,
            long wechat, long likes, long shares, long comments, long total) {
    }

    /** How far a video was watched on the column; {@code completionRate} in percent, null before any play. */
    public record VideoRow(String id, String title, String kind, long plays, long p25, long p50, long p75, long p100,
            Double completionRate) {
    }

    /** A micro-landscape site: views of its page and scans of its QR code. */
    public record SiteRow(String id, String name, String street, String path, long views, long scans) {
    }
}
