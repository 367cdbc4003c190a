package cn.fasheng.media;

/** An uploaded file now in the store, with the address the site serves it at. */
public record StoredFile(String url, String name, String contentType, long size) {
}
