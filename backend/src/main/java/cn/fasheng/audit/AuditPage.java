package cn.fasheng.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(requiredProperties = {"items", "page", "size", "total"})
public record AuditPage(List<AuditEventView> items, int page, int size, long total) {
}
