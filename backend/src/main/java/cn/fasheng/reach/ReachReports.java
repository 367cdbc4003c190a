package cn.fasheng.reach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.reach.ReachReport.ReportFile;
import cn.fasheng.reach.ReachViews.ReportRequest;
import cn.fasheng.reach.report.ReportPdf;
import cn.fasheng.reach.report.ReportWorkbook;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Monthly and yearly reports, made on request as an Excel workbook and a PDF and kept in object storage. The record
 * is written only after both files are stored; if anything fails, what was stored is removed again.
 */
@Service
class ReachReports {

    static final String BUREAU = "上海市杨浦区司法局";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReachDashboard dashboard;
    private final BlobStorage storage;
    private final ReactiveMongoTemplate mongo;
    private final AuditLog audit;
    private final Clock clock;

    ReachReports(ReachDashboard dashboard, BlobStorage storage, ReactiveMongoTemplate mongo, AuditLog audit, Clock clock) {
        this.dashboard = dashboard;
        this.storage = storage;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<ReachReport> create(ReportRequest request, ConsolePrincipal user, String ip) {
        ReachRange range = ReachRange.period(request.year(), request.period() == ReportPeriod.YEAR ? null : month(request));
        LocalDate today = LocalDate.now(clock.withZone(ShanghaiTime.ZONE));
        if (range.from().isAfter(today)) {
            throw new InvalidRequestException(request.period() == ReportPeriod.YEAR ? "year" : "month", "这段时间还没有开始");
        }
        String title = range.title() + "法治宣传传播力" + request.period().label();
        String id = new ObjectId().toHexString();
        String stem = "reports/reach/" + id + "/";
        String name = BUREAU + "-" + title;
        return dashboard.figures(range.from(), range.to(), range.title())
                .publishOn(Schedulers.boundedElastic())
                .map(figures -> new byte[][] {ReportWorkbook.write(figures, BUREAU, title), ReportPdf.write(figures, BUREAU, title)})
                .flatMap(files -> storage.put(stem + "report.xlsx", files[0], XLSX)
                        .then(storage.put(stem + "report.pdf", files[1], "application/pdf"))
                        .then(mongo.insert(new ReachReport(id, request.period(), request.year(),
                                request.period() == ReportPeriod.YEAR ? null : request.month(), title, range.from(), range.to(),
                                List.of(new ReportFile("xlsx", name + ".xlsx", stem + "report.xlsx", files[0].length),
                                        new ReportFile("pdf", name + ".pdf", stem + "report.pdf", files[1].length)),
                                user.userId(), user.displayName(), clock.instant()))))
                // Whatever was stored under the report's prefix goes again, also when the request went away halfway.
                .onErrorResume(e -> storage.deleteAll(stem).onErrorResume(x -> Mono.empty()).then(Mono.error(e)))
                .doOnCancel(() -> storage.deleteAll(stem).subscribe(null, x -> { }))
                .flatMap(report -> audit.record(user.username(), ReachAction.REPORT_CREATE, report.id(), ip, title)
                        .thenReturn(report));
    }

    private static Integer month(ReportRequest request) {
        if (request.month() == null) {
            throw new InvalidRequestException("month", "月报需要选择月份");
        }
        return request.month();
    }

    Flux<ReachReport> recent() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(50), ReachReport.class);
    }

    /** The stored file and its download name. */
    Mono<Download> file(String id, String format) {
        return mongo.findById(id, ReachReport.class)
                .flatMap(report -> Mono.justOrEmpty(report.files().stream().filter(f -> f.format().equals(format)).findFirst()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("报告不存在")))
                .flatMap(file -> storage.get(file.key()).map(bytes -> new Download(file.name(), bytes)));
    }

    record Download(String name, byte[] bytes) {
    }
}
