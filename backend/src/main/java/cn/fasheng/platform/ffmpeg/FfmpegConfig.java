package cn.fasheng.platform.ffmpeg;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.bramp.ffmpeg.FFmpeg;
import net.bramp.ffmpeg.FFprobe;
import net.bramp.ffmpeg.ProcessFunction;

@Configuration
class FfmpegConfig {

    private static final Logger log = LoggerFactory.getLogger(FfmpegConfig.class);

    @Bean
    FfmpegBinaries ffmpegBinaries(FfmpegProperties properties) {
        FfmpegBinaries binaries;
        if (isBlank(properties.path())) {
            BundledFfmpeg.Extracted bundled = BundledFfmpeg.extract();
            String libraryPath = bundled.libraryPath();
            if (!FfmpegBinaries.loads(bundled.ffmpeg().toString(), libraryPath)) {
                libraryPath = BundledFfmpeg.withPulseStandIn(libraryPath);
                log.info("系统未安装 {}，自带 FFmpeg 使用替代库（不使用音频设备）", BundledFfmpeg.PULSE);
            }
            binaries = FfmpegBinaries.verify(bundled.ffmpeg().toString(), bundled.ffprobe().toString(), libraryPath);
        }
        else {
            String probe = isBlank(properties.probePath()) ? "ffprobe" : properties.probePath();
            binaries = FfmpegBinaries.verify(properties.path(), probe, null);
        }
        log.info("FFmpeg 就绪：{}（{}），编码器 libx264、aac 可用", binaries.version(), binaries.ffmpeg());
        return binaries;
    }

    @Bean
    FFmpeg ffmpeg(FfmpegBinaries binaries) throws IOException {
        return new FFmpeg(binaries.ffmpeg(), processFunction(binaries));
    }

    @Bean
    FFprobe ffprobe(FfmpegBinaries binaries) throws IOException {
        return new FFprobe(binaries.ffprobe(), processFunction(binaries));
    }

    private static ProcessFunction processFunction(FfmpegBinaries binaries) {
        return args -> binaries.processBuilder(args).start();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
