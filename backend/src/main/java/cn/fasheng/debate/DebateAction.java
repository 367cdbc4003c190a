package cn.fasheng.debate;

import cn.fasheng.audit.AuditAction;

/** What is recorded in the audit log about the debate contest. */
enum DebateAction implements AuditAction {
    CONTEST_CREATE("新建辩论赛"),
    CONTEST_EDIT("修改辩论赛设置"),
    CONTEST_DELETE("删除辩论赛"),
    ROSTER_IMPORT("导入参赛名单"),
    ROSTER_EDIT("修改参赛名单"),
    ROUND_EDIT("修改轮次"),
    DRAW_GENERATE("生成对阵"),
    DRAW_EDIT("调整对阵"),
    RELEASE("公开/撤回轮次信息"),
    BALLOT_ENTER("录入评分表"),
    BALLOT_CORRECT("更正评分表"),
    BALLOT_DELETE("删除评分表");

    private final String label;

    DebateAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
