package cn.fasheng.media;

import java.util.List;

/**
 * What the public page needs to play an asset: HLS for adaptive playback, one MP4 every browser plays without
 * script, a poster and caption tracks. {@code version} changes whenever any of it does (for page ETags).
 */
public record Player(boolean ready, boolean animation, String hlsUrl, String mp4Url, String posterUrl, int width,
        int height, double durationSeconds, List<Track> captions, String version, String statusText) {

    public static final Player NONE = new Player(false, false, null, null, null, 0, 0, 0, List.of(), "none",
            "视频文件尚未上传，上传后即可在此观看。");

    public record Track(String url, String lang, String label) {
    }
}
