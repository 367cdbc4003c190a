package cn.fasheng.audit;

/** Something worth recording; each feature declares its own actions (usually an enum) with a Chinese label. */
public interface AuditAction {

    String name();

    String label();
}
