package cn.fasheng.media;

/** An uploaded picture with its derived JPEGs: a thumbnail for lists and a large one for pages and print. */
public record StoredImage(String url, String thumbUrl, String largeUrl, int width, int height) {
}
