package cn.fasheng.platform.ffmpeg;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Paths of ffmpeg and ffprobe; blank means the binaries bundled with the application. */
@ConfigurationProperties("fasheng.ffmpeg")
public record FfmpegProperties(String path, String probePath) {
}
