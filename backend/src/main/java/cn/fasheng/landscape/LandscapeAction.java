package cn.fasheng.landscape;

import cn.fasheng.audit.AuditAction;

/** What the audit log records about micro-landscapes. */
enum LandscapeAction implements AuditAction {
    SITE_CREATE("新建微景观"),
    SITE_EDIT("修改微景观"),
    SITE_PUBLISH("公开/撤下微景观"),
    SITE_DELETE("删除微景观"),
    SITE_IMPORT("导入微景观"),
    CATALOG_EDIT("修改街道与类别");

    private final String label;

    LandscapeAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
