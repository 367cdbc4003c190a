package cn.fasheng.reach;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Recognises a visitor's repeated event (a reload, a replay) without knowing the visitor: the address and user agent
 * go into a SHA-256 with a random salt of the day, and only the first eight bytes of that hash are kept, in memory,
 * for the repeat window. The salt is never stored and is replaced each Shanghai day, so yesterday's hashes cannot be
 * linked to anyone or to today's. Nothing of this reaches the database.
 */
@Component
class RepeatedEvents {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final SecureRandom random = new SecureRandom();
    private final ShanghaiDay days;
    private final long windowMillis;
    private final Map<Long, Long> seen;
    private LocalDate saltDay;
    private byte[] salt;

    RepeatedEvents(ShanghaiDay days, ReachProperties properties) {
        this.days = days;
        this.windowMillis = properties.repeatWindow().toMillis();
        int capacity = properties.repeatCapacity();
        this.seen = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time in the window that this visitor reports this event about this page. */
    boolean first(String address, String userAgent, String event) {
        long now = days.millis();
        LocalDate today = days.today();
        byte[] daySalt;
        synchronized (this) {
            if (!today.equals(saltDay)) {
                salt = new byte[32];
                random.nextBytes(salt);
                saltDay = today;
                // Yesterday's hashes were made with a salt that no longer exists; they can only be forgotten.
                seen.clear();
            }
            daySalt = salt;
        }
        long key = hash(daySalt, address, userAgent, event);
        return firstSeen(key, now);
    }

    private synchronized boolean firstSeen(long key, long now) {
        Long until = seen.get(key);
        if (until != null && until > now) {
            return false;
        }
        seen.remove(key);
        seen.put(key, now + windowMillis);
        return true;
    }

    private static long hash(byte[] salt, String address, String userAgent, String event) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        sha.update(salt);
        sha.update((address + "\n" + userAgent + "\n" + event).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(sha.digest()).getLong();
    }
}
