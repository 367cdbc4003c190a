package cn.fasheng.content;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as editors and the public read them: Asia/Shanghai. */
public final class ShanghaiTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(ZONE);

    private ShanghaiTime() {
    }

    public static String format(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    public static String iso(Instant instant) {
        return instant == null ? "" : instant.atZone(ZONE).toOffsetDateTime().toString();
    }

    public static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }
}
