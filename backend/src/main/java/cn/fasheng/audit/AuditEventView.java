package cn.fasheng.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(requiredProperties = {"id", "at", "actor", "action", "actionLabel", "target", "ip"})
public record AuditEventView(String id, Instant at, String actor, String action, String actionLabel, String target,
        String ip, String detail) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.id(), event.at(), event.actor(), event.action(), event.actionLabel(),
                event.target(), event.ip(), event.detail());
    }
}
