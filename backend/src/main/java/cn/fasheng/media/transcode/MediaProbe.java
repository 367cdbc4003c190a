package cn.fasheng.media.transcode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.fasheng.media.AssetKind;
import cn.fasheng.media.MediaAsset.SourceInfo;
import cn.fasheng.media.MediaProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what an original is with ffprobe (hardened: local file only, allowed demuxers, capped probe size and
 * analysis time) and refuses anything outside the limits, naming the reason.
 */
@Component
public class MediaProbe {

    static final Set<String> VIDEO_CODECS = Set.of("h264", "hevc", "mpeg4", "mpeg2video", "mpeg1video", "vp8", "vp9",
            "av1", "flv1", "mjpeg", "prores", "msmpeg4v3", "wmv2", "gif", "apng", "png");
    static final Set<String> AUDIO_CODECS = Set.of("aac", "mp3", "mp2", "opus", "vorbis", "ac3", "eac3", "flac", "alac",
            "pcm_s16le", "pcm_s24le", "pcm_f32le", "pcm_u8", "adpcm_ima_wav", "amr_nb", "amr_wb");

    private final FfmpegRunner runner;
    private final MediaProperties properties;
    private final JsonMapper json;

    MediaProbe(FfmpegRunner runner, MediaProperties properties, JsonMapper json) {
        this.runner = runner;
        this.properties = properties;
        this.json = json;
    }

    public SourceInfo probe(Path file, AssetKind kind) {
        String output;
        try {
            output = runner.probe(List.of("-print_format", "json", "-show_format", "-show_streams",
                    "-i", "file:" + file.toAbsolutePath()), file.getParent(), Duration.ofMinutes(2));
        }
        catch (FfmpegRunner.FfmpegFailure e) {
            throw new MediaRejectedException("无法识别文件内容（不是受支持的视频格式，或文件已损坏、不完整）");
        }
        return check(json.readTree(output), kind);
    }

    SourceInfo check(JsonNode root, AssetKind kind) {
        JsonNode format = root.path("format");
        String container = format.path("format_name").asString("");
        if (container.isEmpty()) {
            throw new MediaRejectedException("无法识别文件的封装格式");
        }
        JsonNode video = first(root, "video");
        JsonNode audio = first(root, "audio");
        if (video == null) {
            throw new MediaRejectedException("文件中没有视频画面");
        }
        String videoCodec = video.path("codec_name").asString("");
        if (!VIDEO_CODECS.contains(videoCodec)) {
            throw new MediaRejectedException("不支持的视频编码：" + (videoCodec.isEmpty() ? "未知" : videoCodec));
        }
        String audioCodec = audio == null ? null : audio.path("codec_name").asString("");
        if (audioCodec != null && !AUDIO_CODECS.contains(audioCodec)) {
            throw new MediaRejectedException("不支持的音频编码：" + audioCodec);
        }
        int width = video.path("width").asInt(0);
        int height = video.path("height").asInt(0);
        if (width <= 0 || height <= 0) {
            throw new MediaRejectedException("画面尺寸无效或过大（超出解码器允许的范围），无法处理");
        }
        if (Math.abs(rotation(video)) % 180 == 90) {
            int swap = width;
            width = height;
            height = swap;
        }
        if (width > properties.maxWidth() || height > properties.maxHeight()
                || (long) width * height > properties.maxVideoPixels()) {
            throw new MediaRejectedException("画面尺寸 " + width + "×" + height + " 超出上限 " + properties.maxWidth()
                    + "×" + properties.maxHeight());
        }
        boolean still = Set.of("png_pipe", "jpeg_pipe", "image2", "webp_pipe").contains(container);
        if (kind == AssetKind.VIDEO && Set.of("gif", "apng", "png").contains(videoCodec)) {
            throw new MediaRejectedException("GIF、PNG 动画请作为微动画上传");
        }
        if (still && !"apng".equals(videoCodec)) {
            throw new MediaRejectedException("这是一张静态图片，不是视频或动画");
        }
        double duration = seconds(format.path("duration").asString(""), video.path("duration").asString(""));
        if (!(duration > 0)) {
            throw new MediaRejectedException("无法读出时长，文件可能不完整");
        }
        if (duration > properties.maxDuration().toSeconds()) {
            throw new MediaRejectedException(String.format("时长 %.1f 分钟超出上限 %d 分钟", duration / 60,
                    properties.maxDuration().toMinutes()));
        }
        double fps = rate(video.path("avg_frame_rate").asString(""), video.path("r_frame_rate").asString(""));
        if (fps > properties.maxFrameRate()) {
            throw new MediaRejectedException(String.format("帧率 %.2f 超出上限 %.0f", fps, properties.maxFrameRate()));
        }
        return new SourceInfo(container, videoCodec, video.path("pix_fmt").asString(null),
                video.path("profile").asString(null), audioCodec,
                audio == null ? 0 : audio.path("channels").asInt(0), width, height, duration, fps > 0 ? fps : 25,
                format.path("bit_rate").asLong(0));
    }

    private static JsonNode first(JsonNode root, String type) {
        for (JsonNode stream : root.path("streams")) {
            if (type.equals(stream.path("codec_type").asString("")) && stream.path("disposition").path("attached_pic").asInt(0) == 0) {
                return stream;
            }
        }
        return null;
    }

    private static int rotation(JsonNode video) {
        for (JsonNode side : video.path("side_data_list")) {
            if (side.has("rotation")) {
                return side.path("rotation").asInt(0);
            }
        }
        return video.path("tags").path("rotate").asInt(0);
    }

    private static double seconds(String... candidates) {
        for (String value : candidates) {
            try {
                double parsed = Double.parseDouble(value);
                if (parsed > 0) {
                    return parsed;
                }
            }
            catch (NumberFormatException e) {
                // try the next one
            }
        }
        return 0;
    }

    static double rate(String... candidates) {
        for (String value : candidates) {
            String[] parts = value.split("/");
            try {
                double rate = parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])
                        : Double.parseDouble(value);
                if (rate > 0 && Double.isFinite(rate)) {
                    return rate;
                }
            }
            catch (NumberFormatException e) {
                // try the next one
            }
        }
        return 0;
    }
}
