package cn.fasheng.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import cn.fasheng.platform.text.ChineseText;

/**
 * Caption files as editors have them (SRT or WebVTT, UTF-8 or GB18030) turned into clean WebVTT. The kind is
 * told by the content, not the name; anything else is refused.
 */
public final class CaptionFiles {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final Pattern SRT_TIME = Pattern.compile(
            "(\\d{1,2}):(\\d{2}):(\\d{2})[,.](\\d{3})\\s*-->\\s*(\\d{1,2}):(\\d{2}):(\\d{2})[,.](\\d{3})");

    private CaptionFiles() {
    }

    public static String toWebVtt(byte[] bytes, String name) {
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw reject(name, bytes.length == 0 ? "是空文件" : "超过 2 MB");
        }
        String text = ChineseText.decode(bytes).replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
        if (text.indexOf('\0') >= 0) {
            throw reject(name, "不是文本文件");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("WEBVTT")) {
            if (!SRT_TIME.matcher(trimmed).find()) {
                throw reject(name, "没有任何字幕时间轴");
            }
            return trimmed + "\n";
        }
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        int cues = 0;
        for (String block : trimmed.split("\n\\s*\n")) {
            String[] lines = block.strip().split("\n");
            int timeLine = lines.length > 1 && lines[0].strip().matches("\\d+") ? 1 : 0;
            Matcher time = SRT_TIME.matcher(lines[timeLine]);
            if (!time.find()) {
                continue;
            }
            vtt.append(String.format("%02d:%s:%s.%s --> %02d:%s:%s.%s%n", Integer.parseInt(time.group(1)), time.group(2),
                    time.group(3), time.group(4), Integer.parseInt(time.group(5)), time.group(6), time.group(7),
                    time.group(8)).replace("\r", ""));
            for (int i = timeLine + 1; i < lines.length; i++) {
                vtt.append(lines[i].replace("-->", "→")).append('\n');
            }
            vtt.append('\n');
            cues++;
        }
        if (cues == 0) {
            throw reject(name, "不是 SRT 或 WebVTT 字幕（没有找到时间轴）");
        }
        return vtt.toString();
    }

    private static UploadRejectedException reject(String name, String why) {
        return new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "字幕文件“" + name + "”" + why);
    }
}
