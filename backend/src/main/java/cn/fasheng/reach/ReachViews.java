package cn.fasheng.reach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;

/** What the console sends and gets about reports. */
public final class ReachViews {

    private ReachViews() {
    }

    /** {@code month} 1–12 for a monthly report; left out for a yearly one. */
    public record ReportRequest(@NotNull(message = "请选择月报或年报") ReportPeriod period, int year, Integer month) {
    }

    public record ReportView(String id, ReportPeriod period, String periodLabel, String title, LocalDate from,
            LocalDate to, List<ReportFileView> files, String createdByName, Instant createdAt) {

        static ReportView of(ReachReport report, String apiBase) {
            return new ReportView(report.id(), report.period(), report.period().label(), report.title(), report.from(),
                    report.to(), report.files().stream().map(f -> new ReportFileView(f.format(), f.name(), f.size(),
                            apiBase + "/" + report.id() + "/" + f.format())).toList(),
                    report.createdByName(), report.createdAt());
        }
    }

    /** {@code url}: the download, within the application (the console adds its base path). */
    public record ReportFileView(String format, String name, long size, String url) {
    }
}
