package cn.fasheng.media;

import java.time.Instant;
import java.util.List;

import cn.fasheng.media.AssetOutput.Rendition;
import cn.fasheng.media.MediaAsset.Caption;
import cn.fasheng.media.MediaAsset.SourceInfo;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the console API shows of assets. */
public final class MediaViews {

    private MediaViews() {
    }

    /** Live state of processing, as sent over server-sent events. */
    @Schema(requiredProperties = {"id", "state", "stateLabel", "stage", "percent"})
    public record AssetStatus(String id, AssetState state, String stateLabel, String stage, int percent,
            Long etaSeconds, Long queuePosition, String failure, String duplicateOf) {
    }

    @Schema(requiredProperties = {"label", "width", "height", "url", "size", "bitrate", "durationSeconds", "streamCopy"})
    public record RenditionView(String label, int width, int height, String url, long size, long bitrate,
            double durationSeconds, boolean streamCopy) {

        static RenditionView of(Rendition r, String url) {
            return new RenditionView(r.label(), r.width(), r.height(), url, r.size(), r.bitrate(),
                    r.durationSeconds(), r.streamCopy());
        }
    }

    @Schema(requiredProperties = {"lang", "label", "url"})
    public record CaptionView(String lang, String label, String url) {

        static CaptionView of(Caption c, String url) {
            return new CaptionView(c.lang(), c.label(), url);
        }
    }

    @Schema(requiredProperties = {"id", "kind", "name", "size", "ownerName", "state", "stateLabel", "renditions",
            "captions", "status", "createdAt", "updatedAt"})
    public record AssetView(String id, AssetKind kind, String name, long size, String ownerName, AssetState state,
            String stateLabel, String failure, String duplicateOf, SourceInfo source, List<RenditionView> renditions,
            String hlsUrl, String posterUrl, String thumbnailsUrl, List<CaptionView> captions, AssetStatus status,
            Instant createdAt, Instant updatedAt) {
    }

    @Schema(requiredProperties = {"items", "total", "usedBytes", "quotaBytes"})
    public record AssetPage(List<AssetView> items, long total, long usedBytes, long quotaBytes) {
    }

    /** Limits the console needs before it starts an upload. */
    @Schema(requiredProperties = {"partSize", "maxFileSize", "maxImageSize", "quotaBytes", "usedBytes"})
    public record UploadSettings(long partSize, long maxFileSize, long maxImageSize, long quotaBytes, long usedBytes) {
    }
}
