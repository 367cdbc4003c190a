package cn.fasheng.publishing;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.web.ClientAddress;
import cn.fasheng.publishing.PublishingRequests.BulkSchedule;
import cn.fasheng.publishing.PublishingRequests.EditPost;
import cn.fasheng.publishing.PublishingRequests.Reschedule;
import cn.fasheng.publishing.PublishingRequests.SavePost;
import cn.fasheng.publishing.PublishingViews.BulkScheduleOutcome;
import cn.fasheng.publishing.PublishingViews.ChannelSummary;
import cn.fasheng.publishing.PublishingViews.PostView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "渠道发布")
@RestController
@RequestMapping("/api/console/channel-posts")
public class PostsConsoleController {

    private final ChannelPosts posts;

    PostsConsoleController(ChannelPosts posts) {
        this.posts = posts;
    }

    @Operation(summary = "日历：某段时间内排期的渠道发布（最多 92 天），或某项内容的全部渠道发布")
    @GetMapping
    public Mono<List<PostView>> list(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String contentId) {
        if (contentId != null) {
            return posts.ofContent(contentId).map(PostView::of).collectList();
        }
        if (from == null || to == null || !to.isAfter(from) || to.isAfter(from.plus(java.time.Duration.ofDays(92)))) {
            return Mono.error(new InvalidRequestException("from", "请给出起止时间，且不超过 92 天"));
        }
        return posts.between(from, to).map(PostView::of).collectList();
    }

    @Operation(summary = "队列：待发布、发布中、等待渠道和平台审核中的发布，按时间先后")
    @GetMapping("/queue")
    public Mono<List<PostView>> queue() {
        return posts.queue().map(PostView::of).collectList();
    }

    @Operation(summary = "概况：各渠道的账号状态、数量和最近的发布")
    @GetMapping("/dashboard")
    public Mono<List<ChannelSummary>> dashboard() {
        return Flux.fromArray(Channel.values()).concatMap(posts::summary).collectList();
    }

    @Operation(summary = "新建渠道发布时的默认字段（取自内容）")
    @GetMapping("/defaults")
    public Mono<PostFields> defaults(@RequestParam String contentId, @RequestParam Channel channel) {
        return posts.defaults(contentId, channel);
    }

    @Operation(summary = "一条渠道发布及其历史")
    @GetMapping("/{id}")
    public Mono<PostView> get(@PathVariable String id) {
        return posts.get(id).map(PostView::of);
    }

    @Operation(summary = "排期一条渠道发布（保存前检查渠道的全部限制）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<PostView> create(@Valid @RequestBody SavePost request, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return posts.create(request, user, ClientAddress.of(exchange)).map(PostView::of);
    }

    @Operation(summary = "批量排期：多项内容发往多个渠道，按间隔依次排开")
    @PostMapping("/bulk")
    public Mono<List<BulkScheduleOutcome>> bulk(@Valid @RequestBody BulkSchedule request, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return posts.bulk(request, user, ClientAddress.of(exchange)).collectList();
    }

    @Operation(summary = "修改渠道字段和时间（仅限未开始、等待中或失败的发布）")
    @PutMapping("/{id}")
    public Mono<PostView> edit(@PathVariable String id, @Valid @RequestBody EditPost request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return posts.edit(id, request, user, ClientAddress.of(exchange)).map(PostView::of);
    }

    @Operation(summary = "改期（日历中拖动）")
    @PostMapping("/{id}/reschedule")
    public Mono<PostView> reschedule(@PathVariable String id, @Valid @RequestBody Reschedule request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return posts.reschedule(id, request.scheduledAt(), user, ClientAddress.of(exchange)).map(PostView::of);
    }

    @Operation(summary = "立即重试失败的发布（从上次到达的步骤继续）")
    @PostMapping("/{id}/retry")
    public Mono<PostView> retry(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return posts.retry(id, user, ClientAddress.of(exchange)).map(PostView::of);
    }

    @Operation(summary = "取消渠道发布")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> cancel(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return posts.cancel(id, user, ClientAddress.of(exchange));
    }
}
