package cn.fasheng.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

@Tag(name = "审计日志")
@RestController
@RequestMapping("/api/console/audit")
@PreAuthorize("hasRole('ADMIN')")
public class AuditController {

    private final AuditLog auditLog;

    public AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Operation(summary = "按时间倒序查看审计日志")
    @GetMapping
    public Mono<AuditPage> page(@RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负数") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少 1 条")
            @Max(value = 200, message = "每页最多 200 条") int size) {
        return auditLog.page(page, size);
    }
}
