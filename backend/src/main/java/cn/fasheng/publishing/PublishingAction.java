package cn.fasheng.publishing;

import cn.fasheng.audit.AuditAction;

/** What people do to channel accounts and posts; each is also an audit-log action. */
enum PublishingAction implements AuditAction {
    CONNECT_ACCOUNT("连接渠道账号"),
    AUTHORIZE_ACCOUNT("完成渠道授权"),
    PAUSE_CHANNEL("暂停渠道发布"),
    RESUME_CHANNEL("恢复渠道发布"),
    DISABLE_ACCOUNT("停用渠道账号"),
    SCHEDULE_POST("排期渠道发布"),
    EDIT_POST("修改渠道发布"),
    CANCEL_POST("取消渠道发布"),
    RETRY_POST("重试渠道发布");

    private final String label;

    PublishingAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
