package cn.fasheng.platform.storage;

import java.time.Instant;

/** An object as a listing shows it. */
public record StoredKey(String key, long size, Instant lastModified) {
}
