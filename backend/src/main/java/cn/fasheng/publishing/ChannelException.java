package cn.fasheng.publishing;

import java.time.Duration;

/**
 * What a channel call ended with when it did not succeed, classified by what the caller should do next.
 * {@code code} is the channel's own code (or the HTTP status), kept for the post's history.
 */
public class ChannelException extends RuntimeException {

    public enum Kind {
        /** Busy or rate limited: retry later, after {@code retryAfter} when the channel named it. */
        BUSY,
        /** The credentials or token were refused: renew once, else the account needs re-authorisation. */
        AUTH,
        /** This request cannot succeed as it is (bad parameters, limits, review): stop and tell the editor. */
        PERMANENT,
        /** Nothing happened on the channel (refused connection, a 5xx before work): retry with backoff. */
        TRANSIENT,
        /** The request may or may not have taken effect (timed out after it was sent). */
        UNKNOWN_OUTCOME
    }

    private final Kind kind;
    private final String code;
    private final Duration retryAfter;

    public ChannelException(Kind kind, String code, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public ChannelException(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** A daily quota is used up (WeChat 45009): retrying before tomorrow cannot succeed. */
    public boolean untilNextDay() {
        return "45009".equals(code);
    }
}
