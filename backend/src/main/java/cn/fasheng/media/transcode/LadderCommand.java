package cn.fasheng.media.transcode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.fasheng.media.transcode.LadderPlan.Rung;

/**
 * FFmpeg arguments for a whole plan in one process: the source is decoded once and split into one scaled
 * branch per encoded rung. Keyframes every 4 seconds line the renditions up for 4-second HLS segments. The
 * thumbnail strip is cut from the smallest rendition afterwards: as an output of the ladder it would hold back
 * FFmpeg's progress report until its last tile, near the end.
 */
public final class LadderCommand {

    public static final int THUMBNAILS = 10;
    public static final int THUMBNAIL_HEIGHT = 90;

    private LadderCommand() {
    }

    public static String fileName(Rung rung) {
        return rung.label() + ".mp4";
    }

    /** The ladder of a video: one MP4 per rung. */
    public static List<String> video(List<String> inputHardening, String source, LadderPlan plan) {
        List<Rung> encoded = plan.rungs().stream().filter(r -> !r.copy()).toList();
        List<String> args = new ArrayList<>(inputHardening);
        args.addAll(List.of("-i", source));
        StringBuilder graph = new StringBuilder("[0:v]fps=" + plan.frameRate() + ",split=" + encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < encoded.size(); i++) {
            Rung r = encoded.get(i);
            graph.append(";[s").append(i).append("]scale=").append(r.width()).append(':').append(r.height())
                    .append(":flags=bicubic,format=yuv420p[v").append(i).append(']');
        }
        if (!encoded.isEmpty()) {
            args.addAll(List.of("-filter_complex", graph.toString()));
        }
        int branch = 0;
        for (Rung r : plan.rungs()) {
            if (r.copy()) {
                args.addAll(List.of("-map", "0:v:0", "-map", "0:a:0?", "-c", "copy"));
            }
            else {
                args.addAll(List.of("-map", "[v" + branch++ + "]", "-map", "0:a:0?"));
                args.addAll(h264(r, plan.frameRate()));
                args.addAll(List.of("-c:a", "aac", "-ac", "2", "-ar", "48000", "-b:a", r.audioKbps() + "k"));
            }
            args.addAll(List.of("-map_metadata", "-1", "-map_chapters", "-1", "-movflags", "+faststart",
                    "-f", "mp4", fileName(r)));
        }
        return args;
    }

    /** {@link #THUMBNAILS} frames spread over the video, side by side in {@code thumbs.jpg}. */
    public static List<String> thumbnails(List<String> inputHardening, String rendition, double duration) {
        double every = Math.max(duration / THUMBNAILS, 0.1);
        List<String> args = new ArrayList<>(inputHardening);
        args.addAll(List.of("-i", rendition, "-map", "0:v:0", "-vf", String.format(Locale.ROOT,
                "fps=1/%.3f,scale=-2:%d,tile=%dx1", every, THUMBNAIL_HEIGHT, THUMBNAILS),
                "-frames:v", "1", "-q:v", "5", "-update", "1", "thumbs.jpg"));
        return args;
    }

    /** An animation: one silent looping MP4. */
    public static List<String> animation(List<String> inputHardening, String source, LadderPlan plan) {
        Rung r = plan.rungs().get(0);
        List<String> args = new ArrayList<>(inputHardening);
        args.addAll(List.of("-i", source, "-map", "0:v:0", "-an", "-vf",
                "fps=" + plan.frameRate() + ",scale=" + r.width() + ":" + r.height() + ":flags=bicubic,format=yuv420p"));
        args.addAll(h264(r, plan.frameRate()));
        args.addAll(List.of("-map_metadata", "-1", "-movflags", "+faststart", "-f", "mp4", fileName(r)));
        return args;
    }

    /** A poster frame from {@code at} seconds in, scaled to the top rung. */
    public static List<String> poster(List<String> inputHardening, String source, Rung top, double at) {
        List<String> args = new ArrayList<>(List.of("-ss", String.format(Locale.ROOT, "%.3f", at)));
        args.addAll(inputHardening);
        args.addAll(List.of("-i", source, "-map", "0:v:0", "-frames:v", "1", "-vf",
                "scale=" + top.width() + ":" + top.height(), "-q:v", "3", "-update", "1", "poster.jpg"));
        return args;
    }

    /** fMP4 HLS of one rendition by stream copy, 4-second VOD segments. */
    public static List<String> hls(List<String> inputHardening, String rendition, String dir) {
        List<String> args = new ArrayList<>(inputHardening);
        args.addAll(List.of("-i", rendition, "-map", "0", "-c", "copy", "-f", "hls", "-hls_time", "4",
                "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4", "-hls_flags", "independent_segments",
                "-hls_fmp4_init_filename", "init.mp4", "-hls_segment_filename", dir + "/seg_%03d.m4s",
                dir + "/index.m3u8"));
        return args;
    }

    private static List<String> h264(Rung r, int frameRate) {
        int gop = frameRate * 4;
        return List.of("-c:v", "libx264", "-profile:v", "high", "-preset", "veryfast", "-crf", "23",
                "-maxrate", r.videoKbps() + "k", "-bufsize", (r.videoKbps() * 2) + "k", "-g", Integer.toString(gop),
                "-keyint_min", Integer.toString(gop), "-sc_threshold", "0", "-pix_fmt", "yuv420p");
    }
}
