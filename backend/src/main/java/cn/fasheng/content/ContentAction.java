package cn.fasheng.content;

import cn.fasheng.audit.AuditAction;

/** What an editor or reviewer can do to a content item; each is also an audit-log action. */
public enum ContentAction implements AuditAction {
    CREATE("新建内容"),
    EDIT("保存内容"),
    RESTORE("恢复历史版本"),
    DELETE("删除草稿"),
    SUBMIT("提交审核"),
    WITHDRAW("撤回"),
    APPROVE("审核通过"),
    FIRST_APPROVE("初审通过"),
    REJECT("退回"),
    SCHEDULE("排期发布"),
    UNSCHEDULE("取消排期"),
    PUBLISH("发布"),
    SCHEDULE_UNPUBLISH("排期下线"),
    UNPUBLISH("下线"),
    REOPEN("重新编辑"),
    REPUBLISH("重新上线"),
    FEATURE("设置推荐");

    private final String label;

    ContentAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
