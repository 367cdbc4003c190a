package cn.fasheng.media.transcode;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.fasheng.media.AssetKind;
import cn.fasheng.media.MediaAsset.SourceInfo;
import cn.fasheng.media.transcode.LadderPlan.Rung;

import static org.assertj.core.api.Assertions.assertThat;

class LadderPlanTest {

    static final List<Integer> LADDER = List.of(1080, 720, 480, 360);

    static SourceInfo source(String codec, String container, int width, int height, double fps, String audio) {
        return new SourceInfo(container, codec, "yuv420p", "High", audio, audio == null ? 0 : 2, width, height, 60, fps,
                2_000_000);
    }

    @Test
    void aFullHdSourceGetsEveryRungAndItsOwnIsCopied() {
        LadderPlan plan = LadderPlan.of(source("h264", "mov,mp4,m4a,3gp,3g2,mj2", 1920, 1080, 25, "aac"), LADDER, AssetKind.VIDEO);
        assertThat(plan.rungs()).extracting(Rung::label).containsExactly("1080p", "720p", "480p", "360p");
        assertThat(plan.rungs()).extracting(Rung::copy).containsExactly(true, false, false, false);
        assertThat(plan.rungs().get(1)).extracting(Rung::width, Rung::height).containsExactly(1280, 720);
        assertThat(plan.rungs().get(2)).extracting(Rung::width, Rung::height).containsExactly(854, 480);
    }

    @Test
    void neverUpscalesAndRoundsOddSizesToEvenOnes() {
        LadderPlan plan = LadderPlan.of(source("h264", "matroska,webm", 1000, 562, 30, null), LADDER, AssetKind.VIDEO);
        assertThat(plan.rungs()).extracting(Rung::label).containsExactly("480p", "360p");
        assertThat(plan.rungs()).noneMatch(Rung::copy);
        assertThat(plan.rungs().get(0)).extracting(Rung::width, Rung::height).containsExactly(854, 480);
        LadderPlan tiny = LadderPlan.of(source("h264", "avi", 320, 241, 30, null), LADDER, AssetKind.VIDEO);
        assertThat(tiny.rungs()).extracting(Rung::label).containsExactly("240p");
        assertThat(tiny.rungs().get(0)).extracting(Rung::width, Rung::height).containsExactly(318, 240);
    }

    @Test
    void portraitScalesOnTheShortSide() {
        LadderPlan plan = LadderPlan.of(source("hevc", "mov,mp4,m4a,3gp,3g2,mj2", 1080, 1920, 30, "aac"), LADDER, AssetKind.VIDEO);
        assertThat(plan.rungs()).extracting(Rung::width, Rung::height)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1080, 1920), org.assertj.core.groups.Tuple.tuple(720, 1280),
                        org.assertj.core.groups.Tuple.tuple(480, 854), org.assertj.core.groups.Tuple.tuple(360, 640));
        assertThat(plan.rungs()).as("HEVC is not what every browser plays").noneMatch(Rung::copy);
    }

    @Test
    void onlyBrowserReadySourcesAreCopied() {
        assertThat(LadderPlan.playableAsIs(source("h264", "mov,mp4,m4a,3gp,3g2,mj2", 1280, 720, 30, "aac"))).isTrue();
        assertThat(LadderPlan.playableAsIs(source("h264", "mov,mp4,m4a,3gp,3g2,mj2", 1280, 720, 30, "mp3"))).isFalse();
        assertThat(LadderPlan.playableAsIs(source("h264", "flv", 1280, 720, 30, "aac"))).isFalse();
        assertThat(LadderPlan.playableAsIs(source("h264", "mov,mp4,m4a,3gp,3g2,mj2", 1280, 720, 120, "aac"))).isFalse();
        SourceInfo tenBit = new SourceInfo("mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv420p10le", "High 10", "aac", 2, 1280, 720, 10, 30,
                2_000_000);
        assertThat(LadderPlan.playableAsIs(tenBit)).isFalse();
        SourceInfo heavy = new SourceInfo("mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv420p", "High", "aac", 2, 1280, 720, 10, 30,
                20_000_000);
        assertThat(LadderPlan.of(heavy, LADDER, AssetKind.VIDEO).rungs().get(0).copy())
                .as("a 20 Mbit/s phone recording is re-encoded, not served as it is").isFalse();
    }

    @Test
    void animationsBecomeOneSilentRungOfAtMost720() {
        LadderPlan plan = LadderPlan.of(source("gif", "gif", 1920, 1080, 50, null), LADDER, AssetKind.ANIMATION);
        assertThat(plan.rungs()).hasSize(1);
        assertThat(plan.rungs().get(0)).extracting(Rung::width, Rung::height, Rung::copy).containsExactly(1280, 720, false);
        assertThat(plan.frameRate()).isEqualTo(30);
    }

    @Test
    void theCommandDecodesOnceAndSplitsPerEncodedRung() {
        LadderPlan plan = LadderPlan.of(source("h264", "mov,mp4,m4a,3gp,3g2,mj2", 1920, 1080, 25, "aac"), LADDER, AssetKind.VIDEO);
        List<String> args = LadderCommand.video(List.of("-protocol_whitelist", "file"), "file:/tmp/x/source", plan);
        assertThat(args.stream().filter("-i"::equals)).hasSize(1);
        String graph = args.get(args.indexOf("-filter_complex") + 1);
        assertThat(graph).startsWith("[0:v]fps=25,split=3").contains("scale=1280:720", "scale=854:480", "scale=640:360");
        assertThat(args).containsSequence("-map", "0:v:0", "-map", "0:a:0?", "-c", "copy")
                .contains("1080p.mp4", "720p.mp4", "480p.mp4", "360p.mp4", "+faststart", "high");
        assertThat(args.subList(0, 2)).containsExactly("-protocol_whitelist", "file");
    }
}
