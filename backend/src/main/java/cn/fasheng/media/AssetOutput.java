package cn.fasheng.media;

import java.util.List;

/**
 * What one processing run published: MP4 renditions (highest first), the HLS master playlist, a poster and a
 * strip of thumbnails. For an animation the single rendition is the looping MP4 and there is no HLS.
 */
public record AssetOutput(String prefix, List<Rendition> renditions, String hlsMaster, String poster,
        Thumbnails thumbnails) {

    /** {@code label} names the rung (e.g. 720p); {@code codecs} as HLS and MSE name them. */
    public record Rendition(String label, int width, int height, String key, long size, long bitrate,
            double durationSeconds, String codecs, boolean streamCopy) {
    }

    /** {@code count} frames of {@code width} × {@code height}, side by side, one every {@code intervalSeconds}. */
    public record Thumbnails(String key, int count, int width, int height, double intervalSeconds) {
    }
}
