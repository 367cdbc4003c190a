package cn.fasheng.media;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import cn.fasheng.media.AssetOutput.Rendition;
import cn.fasheng.media.MediaAsset.Caption;
import cn.fasheng.platform.storage.ByteRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaptionFilesTest {

    @Test
    void srtBecomesWebVtt() {
        String srt = "\uFEFF1\r\n00:00:01,500 --> 00:00:03,000\r\n各位居民好\r\n\r\n2\r\n00:00:03,000 --> 00:00:05,250\r\n"
                + "今天学习民法典\r\n第二行\r\n";
        String vtt = CaptionFiles.toWebVtt(srt.getBytes(StandardCharsets.UTF_8), "a.srt");
        assertThat(vtt).isEqualTo("WEBVTT\n\n00:00:01.500 --> 00:00:03.000\n各位居民好\n\n"
                + "00:00:03.000 --> 00:00:05.250\n今天学习民法典\n第二行\n\n");
    }

    @Test
    void gbkFilesFromOldEditorsAreRead() {
        byte[] gbk = "1\n00:00:00,000 --> 00:00:01,000\n反诈提醒\n".getBytes(Charset.forName("GBK"));
        assertThat(CaptionFiles.toWebVtt(gbk, "旧.srt")).contains("反诈提醒");
    }

    @Test
    void webVttIsKeptAndAnythingElseRefused() {
        String vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\n你好\n";
        assertThat(CaptionFiles.toWebVtt("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n你好\n".getBytes(StandardCharsets.UTF_8), "a.vtt"))
                .startsWith("WEBVTT");
        assertThatThrownBy(() -> CaptionFiles.toWebVtt(vtt.replace("-->", "").getBytes(StandardCharsets.UTF_8), "b.vtt"))
                .hasMessageContaining("时间轴");
        assertThatThrownBy(() -> CaptionFiles.toWebVtt(new byte[0], "c.srt")).hasMessageContaining("空文件");
        assertThatThrownBy(() -> CaptionFiles.toWebVtt("随便一段文字".getBytes(StandardCharsets.UTF_8), "d.srt"))
                .hasMessageContaining("不是 SRT 或 WebVTT");
    }

    @Test
    void theMasterPlaylistListsRungsAndCaptions() {
        var renditions = java.util.List.of(
                new Rendition("720p", 1280, 720, "k/720p.mp4", 1, 2_000_000, 10, "avc1.64001f,mp4a.40.2", true),
                new Rendition("360p", 640, 360, "k/360p.mp4", 1, 700_000, 10, "avc1.64001e,mp4a.40.2", false));
        String master = HlsMaster.master(renditions, java.util.List.of(new Caption("zh", "中文字幕", "k/zh.vtt")));
        assertThat(master).startsWith("#EXTM3U\n").contains(
                "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"中文字幕\",LANGUAGE=\"zh\",DEFAULT=NO,AUTOSELECT=YES,URI=\"captions-zh.m3u8\"",
                "#EXT-X-STREAM-INF:BANDWIDTH=2400000,AVERAGE-BANDWIDTH=2000000,RESOLUTION=1280x720,CODECS=\"avc1.64001f,mp4a.40.2\",SUBTITLES=\"subs\"\n720p/index.m3u8",
                "RESOLUTION=640x360");
        assertThat(HlsMaster.captions(new Caption("zh", "中文字幕", "k"), 9.5)).contains("#EXT-X-TARGETDURATION:10",
                "#EXTINF:9.500,\n../../captions/zh.vtt", "#EXT-X-ENDLIST");
    }

    @Test
    void rangeHeadersAreReadStrictly() {
        assertThat(ByteRange.parse("bytes=0-99")).contains(new ByteRange(0L, 99L));
        assertThat(ByteRange.parse("bytes=100-")).contains(new ByteRange(100L, null));
        assertThat(ByteRange.parse("bytes=-500").orElseThrow().header()).isEqualTo("bytes=-500");
        assertThat(ByteRange.parse("bytes=5-1")).isEmpty();
        assertThat(ByteRange.parse("bytes=0-1,5-9")).isEmpty();
        assertThat(ByteRange.parse("items=0-1")).isEmpty();
        assertThat(ByteRange.parse(null)).isEmpty();
    }
}
