package cn.fasheng.media;

/** Job types and keys of the media pipeline. */
public final class MediaJobs {

    public static final String PROCESS = "media.process";
    public static final String CLEANUP = "media.cleanup";

    private MediaJobs() {
    }

    public static String processKey(String assetId) {
        return PROCESS + ":" + assetId;
    }

    /** Payload of {@link #PROCESS}: probe, de-duplicate and transcode one asset. */
    public record ProcessAsset(String assetId) {
    }

    /** Payload of {@link #CLEANUP}: the recurring sweep of abandoned uploads and finished jobs. */
    public record Cleanup(String scope) {
    }
}
