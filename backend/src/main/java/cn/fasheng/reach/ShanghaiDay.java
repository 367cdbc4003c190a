package cn.fasheng.reach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import cn.fasheng.content.ShanghaiTime;

/** Today in Shanghai, worked out once a day rather than for each of thousands of events a second. */
@Component
class ShanghaiDay {

    private record Today(LocalDate day, String text, long endsAtMillis) {
    }

    private final Clock clock;
    private volatile Today today = new Today(null, null, Long.MIN_VALUE);

    ShanghaiDay(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return current().day();
    }

    String todayText() {
        return current().text();
    }

    long millis() {
        return clock.millis();
    }

    private Today current() {
        Today known = today;
        long now = clock.millis();
        if (now < known.endsAtMillis() && now >= known.endsAtMillis() - 86_400_000L) {
            return known;
        }
        ZonedDateTime here = clock.instant().atZone(ShanghaiTime.ZONE);
        LocalDate day = here.toLocalDate();
        Today fresh = new Today(day, day.toString(), day.plusDays(1).atStartOfDay(ShanghaiTime.ZONE).toInstant().toEpochMilli());
        today = fresh;
        return fresh;
    }
}
