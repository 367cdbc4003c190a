package cn.fasheng.reach;

import cn.fasheng.audit.AuditAction;

/** What the audit log records about reach reports. */
enum ReachAction implements AuditAction {
    REPORT_CREATE("生成传播报告");

    private final String label;

    ReachAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
