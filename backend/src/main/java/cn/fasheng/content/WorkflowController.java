package cn.fasheng.content;

import java.time.LocalDate;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.content.ContentDtos.BulkOutcome;
import cn.fasheng.content.ContentDtos.CalendarEntry;
import cn.fasheng.content.ContentDtos.ContentListItem;
import cn.fasheng.content.ContentDtos.ContentView;
import cn.fasheng.content.ContentRequests.Bulk;
import cn.fasheng.content.ContentRequests.Decision;
import cn.fasheng.content.ContentRequests.Feature;
import cn.fasheng.content.ContentRequests.Schedule;
import cn.fasheng.content.ContentRequests.Unpublish;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.ProblemException;
import cn.fasheng.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "审核与发布")
@RestController
@RequestMapping("/api/console")
public class WorkflowController {

    private final ContentWorkflow workflow;
    private final ContentService contents;
    private final ContentQueries queries;

    WorkflowController(ContentWorkflow workflow, ContentService contents, ContentQueries queries) {
        this.workflow = workflow;
        this.contents = contents;
        this.queries = queries;
    }

    @Operation(summary = "提交审核")
    @PostMapping("/contents/{id}/submit")
    public Mono<ContentView> submit(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return view(workflow.submit(id, user, ClientAddress.of(exchange)), user);
    }

    @Operation(summary = "撤回（待审、已通过或已排期的内容回到草稿）")
    @PostMapping("/contents/{id}/withdraw")
    public Mono<ContentView> withdraw(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return view(workflow.withdraw(id, user, ClientAddress.of(exchange)), user);
    }

    @Operation(summary = "审核通过（两级审核时依次为初审、终审；作者本人不能审核）")
    @PostMapping("/contents/{id}/approve")
    public Mono<ContentView> approve(@PathVariable String id, @Valid @RequestBody(required = false) Decision decision,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return view(workflow.approve(id, decision == null ? null : decision.comment(), user,
                ClientAddress.of(exchange)), user);
    }

    @Operation(summary = "退回作者修改（须填写意见）")
    @PostMapping("/contents/{id}/reject")
    public Mono<ContentView> reject(@PathVariable String id, @Valid @RequestBody Decision decision,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return view(workflow.reject(id, decision.comment(), user, ClientAddress.of(exchange)), user);
    }

    @Operation(summary = "排期发布（上海时间），可同时设定下线时间")
    @PostMapping("/contents/{id}/schedule")
    public Mono<ContentView> schedule(@PathVariable String id, @Valid @RequestBody Schedule request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return view(workflow.schedule(id, request.publishAt(), request.unpublishAt(), user,
                ClientAddress.of(exchange)), user);
    }

    @Operation(summary = "取消排期")
    @PostMapping("/contents/{id}/unschedule")
    public Mono<ContentView> unschedule(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return view(workflow.unschedule(id, user, ClientAddress.of(exchange)), user);
    }

    @Operation(summary = "立即发布")
    @PostMapping("/contents/{id}/publish")
    public Mono<ContentView> publish(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return view(workflow.publish(id, user, ClientAddress.of(exchange)), user);
    }

    @Operation(summary = "下线：立即，或在指定时间")
    @PostMapping("/contents/{id}/unpublish")
    public Mono<ContentView> unpublish(@PathVariable String id, @RequestBody(required = false) Unpublish request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return view(workflow.unpublish(id, request == null ? null : request.at(), user, ClientAddress.of(exchange)),
                user);
    }

    @Operation(summary = "已下线的内容重新编辑（回到草稿，修改后须重新审核）")
    @PostMapping("/contents/{id}/reopen")
    public Mono<ContentView> reopen(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return view(workflow.reopen(id, user, ClientAddress.of(exchange)), user);
    }

    @Operation(summary = "已下线的内容原样重新上线")
    @PostMapping("/contents/{id}/republish")
    public Mono<ContentView> republish(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return view(workflow.republish(id, user, ClientAddress.of(exchange)), user);
    }

    @Operation(summary = "设为或取消首页推荐")
    @PostMapping("/contents/{id}/feature")
    public Mono<ContentView> feature(@PathVariable String id, @RequestBody Feature request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return view(workflow.feature(id, request.featured(), user, ClientAddress.of(exchange)), user);
    }

    @Operation(summary = "批量操作：每一项单独执行并报告结果")
    @PostMapping("/contents/bulk")
    public Flux<BulkOutcome> bulk(@Valid @RequestBody Bulk request, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        String ip = ClientAddress.of(exchange);
        return Flux.fromIterable(request.ids()).distinct().concatMap(id -> (switch (request.action()) {
            case SUBMIT -> workflow.submit(id, user, ip).then();
            case WITHDRAW -> workflow.withdraw(id, user, ip).then();
            case PUBLISH -> workflow.publish(id, user, ip).then();
            case UNPUBLISH -> workflow.unpublish(id, null, user, ip).then();
            case DELETE -> contents.delete(id, user, ip);
        }).thenReturn(new BulkOutcome(id, true, "完成"))
                .onErrorResume(e -> Mono.just(new BulkOutcome(id, false, e instanceof ProblemException ? e.getMessage()
                        : e instanceof OptimisticLockingFailureException ? "内容刚被他人修改，请刷新后重试"
                        : "操作失败，请稍后重试"))));
    }

    @Operation(summary = "审核队列：所有待审内容，最早提交的在前")
    @GetMapping("/review-queue")
    public Flux<ContentListItem> reviewQueue() {
        return queries.reviewQueue();
    }

    @Operation(summary = "发布日历：时间段内的排期发布、已发布和排期下线")
    @GetMapping("/calendar")
    public Flux<CalendarEntry> calendar(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (to.isBefore(from) || to.isAfter(from.plusDays(62))) {
            return Flux.error(new InvalidRequestException("to", "日历时间段须在 62 天以内，且结束不早于开始"));
        }
        return queries.calendar(from.atStartOfDay(ShanghaiTime.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(ShanghaiTime.ZONE).toInstant());
    }

    private Mono<ContentView> view(Mono<Content> content, ConsolePrincipal user) {
        return content.map(c -> contents.view(c, user));
    }
}
