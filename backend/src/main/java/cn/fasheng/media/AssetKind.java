package cn.fasheng.media;

/** A micro-video is transcoded to the rendition ladder with HLS; a micro-animation to a looping MP4. */
public enum AssetKind {
    VIDEO,
    ANIMATION
}
