package cn.fasheng.reach;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param flushEvery       how often counts gathered in memory are added to the daily documents
 * @param repeatWindow     a visitor's repeated event for the same page within this time counts once (a reload)
 * @param repeatCapacity   how many recent events are remembered for that, at most
 */
@ConfigurationProperties("fasheng.reach")
public record ReachProperties(Duration flushEvery, Duration repeatWindow, int repeatCapacity) {

    public ReachProperties {
        flushEvery = flushEvery == null ? Duration.ofSeconds(1) : flushEvery;
        repeatWindow = repeatWindow == null ? Duration.ofMinutes(30) : repeatWindow;
        repeatCapacity = repeatCapacity <= 0 ? 200_000 : repeatCapacity;
    }
}
