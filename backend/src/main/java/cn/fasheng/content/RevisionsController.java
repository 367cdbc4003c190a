package cn.fasheng.content;

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
import cn.fasheng.content.ContentDtos.ContentView;
import cn.fasheng.content.ContentDtos.RevisionDiff;
import cn.fasheng.content.ContentDtos.RevisionSummary;
import cn.fasheng.content.ContentRequests.Restore;
import cn.fasheng.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@Tag(name = "历史版本")
@RestController
@RequestMapping("/api/console/contents/{id}/revisions")
public class RevisionsController {

    private final ContentService contents;

    RevisionsController(ContentService contents) {
        this.contents = contents;
    }

    @Operation(summary = "历史版本列表，最新的在前")
    @GetMapping
    public Flux<RevisionSummary> list(@PathVariable String id) {
        return contents.revisions(id).map(RevisionSummary::of);
    }

    @Operation(summary = "读取某一版本的全部字段")
    @GetMapping("/{number}")
    public Mono<Revision> get(@PathVariable String id, @PathVariable int number) {
        return contents.revision(id, number);
    }

    @Operation(summary = "比较两个版本")
    @GetMapping("/diff")
    public Mono<RevisionDiff> diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return Mono.zip(contents.revision(id, from), contents.revision(id, to))
                .publishOn(Schedulers.boundedElastic())
                .map(pair -> RevisionDiffer.diff(pair.getT1(), pair.getT2()));
    }

    @Operation(summary = "恢复到某一版本（保存为新的一版）")
    @PostMapping("/{number}/restore")
    public Mono<ContentView> restore(@PathVariable String id, @PathVariable int number,
            @Valid @RequestBody Restore request, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return contents.restore(id, number, request.version(), user, ClientAddress.of(exchange))
                .map(saved -> contents.view(saved, user));
    }
}
