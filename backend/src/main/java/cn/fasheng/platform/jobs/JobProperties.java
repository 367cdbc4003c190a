package cn.fasheng.platform.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often each instance looks for due jobs, how long a claim lasts, how long one run may take, and how often
 * a failing job is retried, and how many jobs one instance runs at once.
 */
@ConfigurationProperties("fasheng.jobs")
public record JobProperties(Duration pollInterval, Duration lease, Duration timeout, int maxAttempts, int concurrency,
        Duration retryBackoff) {

    public JobProperties {
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        // A run that takes longer is abandoned and retried; its lease is renewed while it runs.
        timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        concurrency = concurrency <= 0 ? 4 : concurrency;
        // The first retry's wait; it doubles with every attempt (up to 30 min).
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(10) : retryBackoff;
    }
}
