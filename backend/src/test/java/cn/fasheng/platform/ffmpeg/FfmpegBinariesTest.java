package cn.fasheng.platform.ffmpeg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FfmpegBinariesTest {

    private static final String ENCODERS = """
            Encoders:
             V..... = Video
             ------
             V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
             A....D aac                  AAC (Advanced Audio Coding)
             A....D libopus              libopus Opus
            """;

    @Test
    void readsEncoderNamesFromTheListNotFromDescriptions() {
        assertThat(FfmpegBinaries.listsEncoder(ENCODERS, "libx264")).isTrue();
        assertThat(FfmpegBinaries.listsEncoder(ENCODERS, "aac")).isTrue();
        assertThat(FfmpegBinaries.listsEncoder(ENCODERS, "h264")).isFalse();
        assertThat(FfmpegBinaries.listsEncoder(ENCODERS, "Video")).isFalse();
    }

    @Test
    void bundledFfmpegEncodesH264AndAacEvenWithThePulseAudioStandIn(@TempDir Path dir) throws Exception {
        BundledFfmpeg.Extracted bundled = BundledFfmpeg.extract();
        // The stand-in comes first on the library path here, so this proves it satisfies the loader.
        String libraryPath = BundledFfmpeg.withPulseStandIn(bundled.libraryPath());
        FfmpegBinaries binaries = FfmpegBinaries.verify(bundled.ffmpeg().toString(), bundled.ffprobe().toString(),
                libraryPath);
        assertThat(binaries.version()).startsWith("ffmpeg version 8.0");

        Path clip = dir.resolve("clip.mp4");
        Process encode = binaries.processBuilder(List.of(binaries.ffmpeg(), "-hide_banner", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc=duration=1:size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                "-c:v", "libx264", "-c:a", "aac", "-shortest", clip.toString())).inheritIO().start();
        assertThat(encode.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(encode.exitValue()).isZero();

        Process probe = binaries.processBuilder(List.of(binaries.ffprobe(), "-v", "error", "-show_entries",
                "stream=codec_name", "-of", "csv=p=0", clip.toString())).redirectErrorStream(true).start();
        String codecs = new String(probe.getInputStream().readAllBytes());
        assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(codecs.lines().toList()).containsExactly("h264", "aac");
        assertThat(Files.size(clip)).isPositive();
    }

    @Test
    void refusesAnFfmpegWithoutTheRequiredEncoders() {
        assertThatThrownBy(() -> FfmpegBinaries.verify("/bin/echo", "/bin/echo", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("缺少编码器 libx264、aac");
    }
}
