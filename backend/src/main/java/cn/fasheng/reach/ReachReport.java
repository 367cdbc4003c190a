package cn.fasheng.reach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A monthly or yearly report as generated on request: its files are in object storage under {@code key}s. */
@Document("reach_reports")
record ReachReport(@Id String id, ReportPeriod period, int year, Integer month, String title, LocalDate from,
        LocalDate to, List<ReportFile> files, String createdBy, String createdByName, @Indexed Instant createdAt) {

    /** {@code format} xlsx or pdf. */
    record ReportFile(String format, String name, String key, long size) {
    }
}
