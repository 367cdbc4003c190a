package cn.fasheng.platform.jobs;

import java.time.Duration;

/**
 * Ends a run and plans the job again after {@code after}: either a failure worth retrying at a time the other side
 * named (e.g. its Retry-After), which counts as an attempt, or a planned wait (polling a remote review), which does not.
 */
public class RetryJob extends RuntimeException {

    private final Duration after;
    private final boolean attempt;

    private RetryJob(String message, Duration after, boolean attempt) {
        super(message);
        this.after = after;
        this.attempt = attempt;
    }

    /**
     * A failure to retry no sooner than {@code after}, nor sooner than the queue's own backoff (jitter added); counts
     * towards the attempt limit.
     */
    public static RetryJob failedRetryAfter(String message, Duration after) {
        return new RetryJob(message, after, true);
    }

    /** Nothing failed: look again after {@code after}. */
    public static RetryJob checkAgainAfter(String message, Duration after) {
        return new RetryJob(message, after, false);
    }

    public Duration after() {
        return after;
    }

    public boolean attempt() {
        return attempt;
    }
}
