package cn.fasheng.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.account.Role;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.ForbiddenException;

class ContentRulesTest {

    private final ConsolePrincipal author = new ConsolePrincipal("u-author", "author", "作者", Set.of(Role.EDITOR, Role.REVIEWER));
    private final ConsolePrincipal reviewerA = new ConsolePrincipal("u-a", "a", "审核甲", Set.of(Role.REVIEWER));
    private final ConsolePrincipal reviewerB = new ConsolePrincipal("u-b", "b", "审核乙", Set.of(Role.REVIEWER));
    private final ConsolePrincipal editor = new ConsolePrincipal("u-e", "e", "编辑", Set.of(Role.EDITOR));

    @Test
    void anAuthorNeverApprovesTheirOwnContentEvenWithTheReviewerRole() {
        Content content = inReview();
        assertThatThrownBy(() -> ContentRules.check(ContentAction.APPROVE, content, author, 1))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("不能审核自己");
        assertThat(ContentRules.available(content, author, 1)).doesNotContain(ContentAction.APPROVE, ContentAction.REJECT);
        assertThat(ContentRules.available(content, reviewerA, 1)).contains(ContentAction.APPROVE, ContentAction.REJECT);
    }

    @Test
    void editorsWithoutTheReviewerRoleCannotReview() {
        assertThatThrownBy(() -> ContentRules.check(ContentAction.REJECT, inReview(), editor, 1))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void twoLevelsNeedTwoDifferentReviewers() {
        Content content = inReview();
        assertThat(ContentRules.available(content, reviewerA, 2)).contains(ContentAction.FIRST_APPROVE)
                .doesNotContain(ContentAction.APPROVE);
        content.setReviewStage(1);
        content.setFirstReviewerId(reviewerA.userId());
        assertThatThrownBy(() -> ContentRules.check(ContentAction.APPROVE, content, reviewerA, 2))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("终审");
        assertThat(ContentRules.available(content, reviewerB, 2)).contains(ContentAction.APPROVE)
                .doesNotContain(ContentAction.FIRST_APPROVE);
        assertThat(ContentRules.available(content, reviewerA, 2)).contains(ContentAction.REJECT);
    }

    @Test
    void onlyDraftsAndRejectedContentCanBeEdited() {
        Content content = inReview();
        assertThatThrownBy(() -> ContentRules.check(ContentAction.EDIT, content, author, 1))
                .isInstanceOf(ConflictException.class).hasMessageContaining("待审");
        content.setState(ContentState.REJECTED);
        ContentRules.check(ContentAction.EDIT, content, author, 1);
        content.setState(ContentState.PUBLISHED);
        assertThat(ContentRules.available(content, editor, 1))
                .containsExactlyInAnyOrder(ContentAction.UNPUBLISH, ContentAction.SCHEDULE_UNPUBLISH, ContentAction.FEATURE);
    }

    @Test
    void onlyReviewersPutWithdrawnContentBackOnline() {
        Content content = inReview();
        content.setState(ContentState.ARCHIVED);
        assertThat(ContentRules.available(content, editor, 1)).contains(ContentAction.REOPEN)
                .doesNotContain(ContentAction.REPUBLISH);
        assertThat(ContentRules.available(content, reviewerA, 1)).contains(ContentAction.REPUBLISH);
    }

    @Test
    void draftsAreDeletedByTheirAuthorOrAnAdministratorOnlyAndNeverOncePublished() {
        Content content = inReview();
        content.setState(ContentState.DRAFT);
        content.setAuthorId(editor.userId());
        assertThat(ContentRules.available(content, editor, 1)).contains(ContentAction.DELETE);
        assertThat(ContentRules.available(content, reviewerA, 1)).doesNotContain(ContentAction.DELETE);
        content.setPublishedAt(java.time.Instant.now());
        assertThat(ContentRules.available(content, editor, 1)).doesNotContain(ContentAction.DELETE);
    }

    private Content inReview() {
        Content content = new Content();
        content.setState(ContentState.IN_REVIEW);
        content.setAuthorId(author.userId());
        content.setContributorIds(Set.of(author.userId()));
        return content;
    }
}
