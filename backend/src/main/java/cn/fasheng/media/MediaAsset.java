package cn.fasheng.media;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One uploaded video or animation: the original under {@code assets/<id>/original}, and once processed the
 * outputs of one run under {@code assets/<id>/r<fence>/}. Every write by a processing run is conditioned on
 * {@code runFence}, so a run whose job was taken over cannot change the asset any more.
 */
@Document("media_assets")
public record MediaAsset(
        @Id String id,
        AssetKind kind,
        String ownerId,
        String ownerName,
        String name,
        long size,
        AssetState state,
        String failure,
        @Indexed String sha256,
        String duplicateOf,
        String originalKey,
        String signature,
        MultipartUpload upload,
        SourceInfo source,
        AssetOutput output,
        List<Caption> captions,
        Progress progress,
        long runFence,
        @Indexed Instant createdAt,
        Instant updatedAt) {

    /** The S3 multipart upload behind a resumable upload; {@code offset} bytes are stored in {@code parts}. */
    public record MultipartUpload(String uploadId, long offset, List<Part> parts) {
    }

    public record Part(int number, String etag, long size) {
    }

    /** What ffprobe found in the original. Width and height are as displayed (rotation applied); bits per second. */
    public record SourceInfo(String container, String videoCodec, String pixelFormat, String profile,
            String audioCodec, int audioChannels, int width, int height, double durationSeconds, double frameRate,
            long bitrate) {

        public boolean hasAudio() {
            return audioCodec != null;
        }
    }

    public record Progress(String stage, int percent, Long etaSeconds, Instant updatedAt) {
    }

    public record Caption(String lang, String label, String key) {
    }
}
