package cn.fasheng.platform.health;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import cn.fasheng.platform.ffmpeg.FfmpegBinaries;
import reactor.core.publisher.Mono;

/** The encoders were verified at start-up; here we check the binaries are still there and runnable. */
@Component("ffmpegHealthIndicator")
class FfmpegHealthIndicator extends AbstractReactiveHealthIndicator {

    private final FfmpegBinaries binaries;

    FfmpegHealthIndicator(FfmpegBinaries binaries) {
        super("FFmpeg 不可用");
        this.binaries = binaries;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        boolean runnable = Files.isExecutable(Path.of(binaries.ffmpeg())) && Files.isExecutable(Path.of(binaries.ffprobe()));
        Health.Builder result = runnable ? builder.up() : builder.down().withDetail("error", "FFmpeg 可执行文件缺失");
        return Mono.just(result.withDetail("version", binaries.version()).build());
    }
}
