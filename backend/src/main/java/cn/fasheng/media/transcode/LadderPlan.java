package cn.fasheng.media.transcode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.fasheng.media.AssetKind;
import cn.fasheng.media.MediaAsset.SourceInfo;

/**
 * Which renditions a source gets: the configured rungs at or below the source's short side (never upscaled),
 * sized on the short side so portrait clips stay portrait; the top rung is stream-copied when the source
 * already is what a browser plays, at a bitrate within half again of the rung's own. An animation gets one looping MP4 of at most 720 on its short side.
 */
public record LadderPlan(List<Rung> rungs, int frameRate) {

    static final Set<String> PLAYABLE_CONTAINERS = Set.of("mov,mp4,m4a,3gp,3g2,mj2");
    static final Set<String> PLAYABLE_PROFILES = Set.of("High", "Main", "Constrained Baseline", "Baseline");

    /** One output: {@code rung} is its short side; {@code copy} when the source's streams are reused as they are. */
    public record Rung(int rung, int width, int height, boolean copy, int videoKbps, int audioKbps) {

        public String label() {
            return rung + "p";
        }
    }

    public static LadderPlan of(SourceInfo source, List<Integer> ladder, AssetKind kind) {
        int shortSide = Math.min(source.width(), source.height());
        int frameRate = (int) Math.min(Math.round(source.frameRate()), kind == AssetKind.ANIMATION ? 30 : 60);
        List<Integer> heights = new ArrayList<>();
        if (kind == AssetKind.ANIMATION) {
            heights.add(Math.min(shortSide - shortSide % 2, 720));
        }
        else {
            ladder.stream().filter(h -> h <= shortSide).forEach(heights::add);
            if (heights.isEmpty()) {
                heights.add(Math.max(2, shortSide - shortSide % 2));
            }
        }
        boolean copyTop = kind == AssetKind.VIDEO && heights.get(0) == shortSide && playableAsIs(source)
                && withinRate(source, frameRate);
        List<Rung> rungs = new ArrayList<>();
        for (int i = 0; i < heights.size(); i++) {
            int side = even(heights.get(i));
            boolean landscape = source.width() >= source.height();
            int width = landscape ? even(source.width() * (double) side / source.height()) : side;
            int height = landscape ? side : even(source.height() * (double) side / source.width());
            if (i == 0 && copyTop) {
                width = source.width();
                height = source.height();
            }
            rungs.add(new Rung(side, width, height, i == 0 && copyTop, kbps(width, height, frameRate),
                    side >= 720 ? 128 : 96));
        }
        return new LadderPlan(List.copyOf(rungs), frameRate);
    }

    static boolean playableAsIs(SourceInfo s) {
        return "h264".equals(s.videoCodec()) && "yuv420p".equals(s.pixelFormat())
                && PLAYABLE_CONTAINERS.contains(s.container()) && PLAYABLE_PROFILES.contains(s.profile())
                && s.frameRate() <= 60 && s.width() % 2 == 0 && s.height() % 2 == 0
                && (!s.hasAudio() || ("aac".equals(s.audioCodec()) && s.audioChannels() <= 2));
    }

    /** Copying is only worth it when the source is not much heavier than what the rung would be encoded at. */
    static boolean withinRate(SourceInfo s, int frameRate) {
        return s.bitrate() > 0 && s.bitrate() <= kbps(s.width(), s.height(), frameRate) * 1000L * 3 / 2 + 192_000;
    }

    /** About 0.1 bit per pixel per frame at 30 fps (2.8 Mbit/s for 720p), half as much again above 30 fps. */
    static int kbps(int width, int height, int frameRate) {
        double kbps = width * (double) height * 30 * 0.1 / 1000 * (frameRate > 30 ? 1.5 : 1);
        return (int) Math.max(300, Math.round(kbps));
    }

    /** The nearest even number (H.264 in 4:2:0 needs even sides), at least 2. */
    public static int even(double value) {
        return Math.max(2, (int) Math.round(value / 2) * 2);
    }
}
