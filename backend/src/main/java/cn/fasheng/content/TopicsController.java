package cn.fasheng.content;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.fasheng.content.ContentDtos.TopicView;
import cn.fasheng.content.ContentRequests.SaveTopic;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "专题")
@RestController
@RequestMapping("/api/console/topics")
public class TopicsController {

    private final TopicService topics;

    TopicsController(TopicService topics) {
        this.topics = topics;
    }

    @Operation(summary = "全部专题，按排序")
    @GetMapping
    public Flux<TopicView> list() {
        return topics.all().map(TopicView::of);
    }

    @Operation(summary = "新建专题（审核人员或管理员）")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public Mono<TopicView> create(@Valid @RequestBody SaveTopic request) {
        return topics.create(request).map(TopicView::of);
    }

    @Operation(summary = "修改专题")
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public Mono<TopicView> update(@PathVariable String id, @Valid @RequestBody SaveTopic request) {
        return topics.update(id, request).map(TopicView::of);
    }

    @Operation(summary = "删除没有内容的专题")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public Mono<Void> delete(@PathVariable String id) {
        return topics.delete(id);
    }
}
