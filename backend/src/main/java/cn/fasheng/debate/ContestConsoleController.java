package cn.fasheng.debate;

import java.util.List;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.debate.DebateRequests.SaveContest;
import cn.fasheng.debate.DebateViews.DebateBracketView;
import cn.fasheng.debate.DebateViews.DebateContestView;
import cn.fasheng.debate.DebateViews.DebateMetricOption;
import cn.fasheng.debate.DebateViews.DebateRosterView;
import cn.fasheng.debate.DebateViews.DebateStandingsView;
import cn.fasheng.debate.DebateViews.RosterImportOutcome;
import cn.fasheng.debate.standings.TeamMetrics;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.web.Attachments;
import cn.fasheng.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "辩论赛")
@RestController
@RequestMapping("/api/console/debate")
public class ContestConsoleController {

    private static final int MAX_ROSTER_FILE = 1024 * 1024;

    private final ContestService contests;
    private final Tabulation tabulation;
    private final RosterImport rosterImport;

    ContestConsoleController(ContestService contests, Tabulation tabulation, RosterImport rosterImport) {
        this.contests = contests;
        this.tabulation = tabulation;
        this.rosterImport = rosterImport;
    }

    @Operation(summary = "全部辩论赛，新建的在前")
    @GetMapping("/contests")
    public Flux<DebateContestView> list() {
        return contests.all().map(DebateContestView::of);
    }

    @Operation(summary = "可选的排名依据")
    @GetMapping("/metrics")
    public List<DebateMetricOption> metrics() {
        return TeamMetrics.ALL.stream().map(DebateMetricOption::of).toList();
    }

    @Operation(summary = "新建辩论赛")
    @PostMapping("/contests")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<DebateContestView> create(@Valid @RequestBody SaveContest request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return contests.create(request, user, ClientAddress.of(exchange)).map(DebateContestView::of);
    }

    @Operation(summary = "一项辩论赛的设置")
    @GetMapping("/contests/{id}")
    public Mono<DebateContestView> get(@PathVariable String id) {
        return contests.get(id).map(DebateContestView::of);
    }

    @Operation(summary = "修改辩论赛设置")
    @PutMapping("/contests/{id}")
    public Mono<DebateContestView> update(@PathVariable String id, @Valid @RequestBody SaveContest request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return contests.update(id, request, user, ClientAddress.of(exchange)).map(DebateContestView::of);
    }

    @Operation(summary = "删除辩论赛及其全部名单、对阵和成绩（管理员）")
    @DeleteMapping("/contests/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    public Mono<Void> delete(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return contests.delete(id, user, ClientAddress.of(exchange));
    }

    @Operation(summary = "参赛名单：学校、队伍与辩手、评委、场地")
    @GetMapping("/contests/{id}/roster")
    public Mono<DebateRosterView> roster(@PathVariable String id) {
        return tabulation.load(id).map(TabViews::roster);
    }

    @Operation(summary = "名单模板（CSV，Excel 可直接打开）")
    @GetMapping(value = "/contests/{id}/roster-template.csv", produces = "text/csv")
    public Mono<ResponseEntity<byte[]>> template(@PathVariable String id) {
        return contests.get(id).map(contest -> Attachments.of("参赛名单模板.csv",
                new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                RosterCsv.template(contest.format().debatersPerTeam())));
    }

    @Operation(summary = "从 CSV 导入学校、队伍和辩手；有任何一行出错则不导入，并逐行列出错误")
    @PostMapping(value = "/contests/{id}/roster-import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<RosterImportOutcome> importRoster(@PathVariable String id, @RequestPart("file") FilePart file,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return DataBufferUtils.join(file.content(), MAX_ROSTER_FILE)
                .onErrorMap(DataBufferLimitException.class, e -> new InvalidRequestException("file", "名单文件不能超过 1 MB"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .flatMap(bytes -> rosterImport.importCsv(id, bytes, user, ClientAddress.of(exchange)))
                .map(o -> new RosterImportOutcome(o.schoolsCreated(), o.teamsCreated(), o.debaters()));
    }

    @Operation(summary = "排名（含未公开的轮次）：队伍排名与辩手排名")
    @GetMapping("/contests/{id}/standings")
    public Mono<DebateStandingsView> standings(@PathVariable String id) {
        return tabulation.load(id).map(TabViews::standings);
    }

    @Operation(summary = "淘汰赛对阵图（含未公开的轮次）")
    @GetMapping("/contests/{id}/bracket")
    public Mono<DebateBracketView> bracket(@PathVariable String id) {
        return tabulation.load(id).map(tab -> TabViews.bracket(tab, false));
    }
}
