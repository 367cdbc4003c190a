package cn.fasheng.content;

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
import cn.fasheng.content.ContentDtos.ContentPage;
import cn.fasheng.content.ContentDtos.ContentView;
import cn.fasheng.content.ContentRequests.SaveContent;
import cn.fasheng.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

@Tag(name = "内容")
@RestController
@RequestMapping("/api/console/contents")
public class ContentConsoleController {

    private final ContentService contents;
    private final ContentQueries queries;

    ContentConsoleController(ContentService contents, ContentQueries queries) {
        this.contents = contents;
        this.queries = queries;
    }

    @Operation(summary = "内容列表（按类型、状态、专题、作者、标题筛选）")
    @GetMapping
    public Mono<ContentPage> list(@RequestParam(required = false) ContentKind kind,
            @RequestParam(required = false) ContentState state, @RequestParam(required = false) String topic,
            @RequestParam(required = false) String authorId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return queries.list(new ContentQueries.Filter(kind, state, topic, authorId, q), page, size);
    }

    @Operation(summary = "新建内容（草稿）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<ContentView> create(@Valid @RequestBody SaveContent request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return contents.create(request, user, ClientAddress.of(exchange)).map(saved -> contents.view(saved, user));
    }

    @Operation(summary = "读取一条内容（含当前用户可执行的操作）")
    @GetMapping("/{id}")
    public Mono<ContentView> get(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user) {
        return contents.get(id).map(found -> contents.view(found, user));
    }

    @Operation(summary = "保存修改；须带上所编辑的版本号，版本过期时返回 409，内容不会被覆盖")
    @PutMapping("/{id}")
    public Mono<ContentView> update(@PathVariable String id, @Valid @RequestBody SaveContent request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return contents.update(id, request, user, ClientAddress.of(exchange)).map(saved -> contents.view(saved, user));
    }

    @Operation(summary = "删除从未发布过的草稿")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return contents.delete(id, user, ClientAddress.of(exchange));
    }
}
