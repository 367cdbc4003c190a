package cn.fasheng.media;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.fasheng.media.ConsistencyCheck.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** Administrators only (see the security configuration). */
@Tag(name = "媒体")
@RestController
@RequestMapping("/api/console/media-consistency")
public class ConsistencyController {

    private final ConsistencyCheck check;

    ConsistencyController(ConsistencyCheck check) {
        this.check = check;
    }

    @Operation(summary = "一致性检查：列出孤立对象、缺失文件的媒体和指向不存在媒体的内容（仅管理员）")
    @GetMapping
    public Mono<Report> report() {
        return check.check(false);
    }

    @Operation(summary = "修复：删除孤立对象，重新转码缺失结果的媒体，标记原文件丢失的媒体（仅管理员）")
    @PostMapping("/repair")
    public Mono<Report> repair() {
        return check.check(true);
    }
}
