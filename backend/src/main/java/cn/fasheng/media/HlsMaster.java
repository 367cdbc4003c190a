package cn.fasheng.media;

import java.util.List;
import java.util.Locale;

import cn.fasheng.media.AssetOutput.Rendition;
import cn.fasheng.media.MediaAsset.Caption;

/**
 * The HLS master playlist over an asset's renditions ({@code <run>/hls/<rung>/index.m3u8}), with every caption
 * as a WebVTT subtitles rendition. Written by the run that publishes and again whenever captions change. Not a
 * default rendition: the page's own {@code <track>} shows captions, and a player must not show them twice.
 */
public final class HlsMaster {

    private HlsMaster() {
    }

    public static String master(List<Rendition> renditions, List<Caption> captions) {
        StringBuilder m3u8 = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Caption c : captions) {
            m3u8.append("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"").append(c.label())
                    .append("\",LANGUAGE=\"").append(c.lang())
                    .append("\",DEFAULT=NO,AUTOSELECT=YES,URI=\"captions-")
                    .append(c.lang()).append(".m3u8\"\n");
        }
        for (Rendition r : renditions) {
            m3u8.append(String.format(Locale.ROOT, "#EXT-X-STREAM-INF:BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,RESOLUTION=%dx%d,CODECS=\"%s\"",
                    Math.round(r.bitrate() * 1.2), r.bitrate(), r.width(), r.height(), r.codecs()));
            if (!captions.isEmpty()) {
                m3u8.append(",SUBTITLES=\"subs\"");
            }
            m3u8.append('\n').append(r.label()).append("/index.m3u8\n");
        }
        return m3u8.toString();
    }

    /** A one-segment subtitles playlist pointing at the caption file kept outside the run. */
    public static String captions(Caption caption, double durationSeconds) {
        return String.format(Locale.ROOT, "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:%d\n#EXT-X-PLAYLIST-TYPE:VOD\n"
                + "#EXTINF:%.3f,\n../../captions/%s.vtt\n#EXT-X-ENDLIST\n", (long) Math.ceil(durationSeconds),
                durationSeconds, caption.lang());
    }

    /** Every playlist of the HLS folder by name: one subtitles playlist per caption, then the master. */
    public static java.util.Map<String, String> playlists(List<Rendition> renditions, List<Caption> captions,
            double durationSeconds) {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        for (Caption caption : captions) {
            files.put("captions-" + caption.lang() + ".m3u8", captions(caption, durationSeconds));
        }
        files.put("master.m3u8", master(renditions, captions));
        return files;
    }
}
