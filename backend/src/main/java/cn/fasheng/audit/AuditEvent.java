package cn.fasheng.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One line of the audit log: who did what to which object, when and from where. Never updated. */
@Document("audit_events")
public record AuditEvent(
        @Id String id,
        @Indexed Instant at,
        @Indexed String actor,
        String action,
        String actionLabel,
        String target,
        String ip,
        String detail) {

    public AuditEvent withId(String id) {
        return new AuditEvent(id, at, actor, action, actionLabel, target, ip, detail);
    }
}
