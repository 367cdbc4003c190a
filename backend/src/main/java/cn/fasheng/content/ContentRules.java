package cn.fasheng.content;

import static cn.fasheng.content.ContentState.APPROVED;
import static cn.fasheng.content.ContentState.ARCHIVED;
import static cn.fasheng.content.ContentState.DRAFT;
import static cn.fasheng.content.ContentState.IN_REVIEW;
import static cn.fasheng.content.ContentState.PUBLISHED;
import static cn.fasheng.content.ContentState.REJECTED;
import static cn.fasheng.content.ContentState.SCHEDULED;

import java.util.EnumSet;
import java.util.Set;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.account.Role;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.ForbiddenException;

/** The editorial workflow as rules: which action is allowed in which state, and for whom. */
final class ContentRules {

    private ContentRules() {
    }

    static Set<ContentAction> available(Content content, ConsolePrincipal user, int reviewLevels) {
        Set<ContentAction> actions = EnumSet.noneOf(ContentAction.class);
        for (ContentAction action : ContentAction.values()) {
            if (refusal(action, content, user, reviewLevels) == null) {
                actions.add(action);
            }
        }
        return actions;
    }

    static void check(ContentAction action, Content content, ConsolePrincipal user, int reviewLevels) {
        RuntimeException refusal = refusal(action, content, user, reviewLevels);
        if (refusal != null) {
            throw refusal;
        }
    }

    private static RuntimeException refusal(ContentAction action, Content content, ConsolePrincipal user, int levels) {
        ContentState state = content.getState();
        return switch (action) {
            case CREATE -> new ConflictException("内容已存在");
            case EDIT, RESTORE -> state.editable() ? null
                    : new ConflictException("“" + state.label() + "”状态的内容不能修改，请先撤回或重新编辑");
            case DELETE -> !(state.editable() && content.getPublishedAt() == null)
                    ? new ConflictException("只有从未发布过的草稿或退回稿可以删除")
                    : user.userId().equals(content.getAuthorId()) || user.roles().contains(Role.ADMIN) ? null
                    : new ForbiddenException("只有作者本人或管理员可以删除草稿");
            case SUBMIT -> inState(state, "提交审核", DRAFT, REJECTED);
            case WITHDRAW -> inState(state, "撤回", IN_REVIEW, APPROVED, SCHEDULED);
            case APPROVE, FIRST_APPROVE, REJECT -> reviewRefusal(action, content, user, levels);
            case SCHEDULE -> inState(state, "排期发布", APPROVED, SCHEDULED);
            case PUBLISH -> inState(state, "发布", APPROVED, SCHEDULED);
            case UNSCHEDULE -> inState(state, "取消排期", SCHEDULED);
            case UNPUBLISH, SCHEDULE_UNPUBLISH -> inState(state, "下线", PUBLISHED);
            case REOPEN -> inState(state, "重新编辑", ARCHIVED);
            case REPUBLISH -> !user.reviewsOrAdministers() ? new ForbiddenException("重新上线须由审核人员操作")
                    : inState(state, "重新上线", ARCHIVED);
            case FEATURE -> null;
        };
    }

    private static RuntimeException reviewRefusal(ContentAction action, Content content, ConsolePrincipal user, int levels) {
        if (content.getState() != IN_REVIEW) {
            return new ConflictException("只有“待审”的内容可以审核，当前为“" + content.getState().label() + "”");
        }
        if (!user.reviewsOrAdministers()) {
            return new ForbiddenException("只有审核人员可以审核内容");
        }
        if (content.getContributorIds() != null && content.getContributorIds().contains(user.userId())) {
            return new ForbiddenException("不能审核自己撰写或修改过的内容，请由其他审核人员审核");
        }
        boolean finalStage = levels == 1 || content.getReviewStage() >= 1;
        if (action == ContentAction.FIRST_APPROVE && finalStage) {
            return new ConflictException("该内容不需要初审");
        }
        if (action == ContentAction.APPROVE && !finalStage) {
            return new ConflictException("该内容需先通过初审");
        }
        if (levels == 2 && content.getReviewStage() >= 1 && action != ContentAction.REJECT
                && user.userId().equals(content.getFirstReviewerId())) {
            return new ForbiddenException("终审须由初审以外的审核人员进行");
        }
        return null;
    }

    private static RuntimeException inState(ContentState state, String what, ContentState... allowed) {
        for (ContentState candidate : allowed) {
            if (candidate == state) {
                return null;
            }
        }
        return new ConflictException("“" + state.label() + "”状态的内容不能" + what);
    }
}
