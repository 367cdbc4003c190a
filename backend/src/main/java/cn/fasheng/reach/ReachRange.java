package cn.fasheng.reach;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;

import cn.fasheng.platform.error.InvalidRequestException;

/** A range of Shanghai days with its printed name: the dashboard's presets, a chosen range, a report's month or year. */
record ReachRange(LocalDate from, LocalDate to, String title) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** 本周, 本月, 本季度, 本年: from the first day of the period up to today. */
    static ReachRange preset(String preset, LocalDate today) {
        return switch (preset) {
            case "week" -> new ReachRange(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), today, "本周");
            case "month" -> new ReachRange(today.withDayOfMonth(1), today, "本月");
            case "quarter" -> new ReachRange(today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1), today,
                    "本季度");
            case "year" -> new ReachRange(today.withDayOfYear(1), today, "本年");
            default -> throw new InvalidRequestException("preset", "时间范围只能是本周、本月、本季度或本年");
        };
    }

    static ReachRange between(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidRequestException(from == null ? "from" : "to", "请选择起止日期");
        }
        return new ReachRange(from, to, DAY.format(from) + "至" + DAY.format(to));
    }

    /** A calendar month, or a year when {@code month} is null. */
    static ReachRange period(int year, Integer month) {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "年份不正确");
        }
        if (month == null) {
            return new ReachRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), year + "年");
        }
        if (month < 1 || month > 12) {
            throw new InvalidRequestException("month", "月份应在 1 到 12 之间");
        }
        LocalDate first = LocalDate.of(year, month, 1);
        return new ReachRange(first, first.with(TemporalAdjusters.lastDayOfMonth()), year + "年" + month + "月");
    }
}
