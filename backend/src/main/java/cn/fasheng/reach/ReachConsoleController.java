package cn.fasheng.reach;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.platform.web.Attachments;
import cn.fasheng.platform.web.ClientAddress;
import cn.fasheng.reach.ReachViews.ReportRequest;
import cn.fasheng.reach.ReachViews.ReportView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reach dashboard and its reports, for everyone in the console. */
@RestController
@RequestMapping("/api/console/reach")
class ReachConsoleController {

    static final String REPORTS = "/api/console/reach/reports";

    private final ReachDashboard dashboard;
    private final ReachReports reports;
    private final Clock clock;

    ReachConsoleController(ReachDashboard dashboard, ReachReports reports, Clock clock) {
        this.dashboard = dashboard;
        this.reports = reports;
        this.clock = clock;
    }

    @Operation(summary = "传播数据：preset 为 week、month、quarter、year（到今天为止），或给出 from 与 to")
    @GetMapping("/figures")
    public Mono<ReachFigures> figures(@RequestParam(required = false) String preset,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReachRange range = preset != null ? ReachRange.preset(preset, LocalDate.now(clock.withZone(ShanghaiTime.ZONE)))
                : ReachRange.between(from, to);
        return dashboard.figures(range.from(), range.to(), range.title());
    }

    @Operation(summary = "已生成的报告，最新的在前")
    @GetMapping("/reports")
    public Flux<ReportView> reports() {
        return reports.recent().map(r -> ReportView.of(r, REPORTS));
    }

    @Operation(summary = "生成月报或年报（Excel 与 PDF），存入对象存储")
    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<ReportView> create(@Valid @RequestBody ReportRequest request, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return reports.create(request, user, ClientAddress.of(exchange)).map(r -> ReportView.of(r, REPORTS));
    }

    @Operation(summary = "下载报告文件：xlsx 或 pdf")
    @GetMapping("/reports/{id}/{format:xlsx|pdf}")
    public Mono<ResponseEntity<byte[]>> download(@PathVariable String id, @PathVariable String format) {
        MediaType type = "pdf".equals(format) ? MediaType.APPLICATION_PDF : MediaType.parseMediaType(ReachReports.XLSX);
        return reports.file(id, format).map(file -> Attachments.of(file.name(), type, file.bytes()));
    }
}
