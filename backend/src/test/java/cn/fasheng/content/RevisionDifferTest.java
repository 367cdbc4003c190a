package cn.fasheng.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.fasheng.content.ContentDtos.BodyLine;
import cn.fasheng.content.ContentDtos.LineChange;
import cn.fasheng.content.ContentDtos.RevisionDiff;

class RevisionDifferTest {

    @Test
    void showsChangedFieldsAndBodyBlocksInOrder() {
        Revision one = revision(1, "旧标题", "<h2>一</h2><p>甲</p><p>乙</p><table><tbody><tr><td><p>A</p></td><td><p>B</p></td></tr></tbody></table>");
        Revision two = revision(2, "新标题", "<h2>一</h2><p>甲</p><p>丙</p><table><tbody><tr><td><p>A</p></td><td><p>C</p></td></tr></tbody></table>");
        RevisionDiff diff = RevisionDiffer.diff(one, two);
        assertThat(diff.fields()).singleElement().satisfies(change -> {
            assertThat(change.label()).isEqualTo("标题");
            assertThat(change.before()).isEqualTo("旧标题");
            assertThat(change.after()).isEqualTo("新标题");
        });
        assertThat(diff.body()).containsExactly(
                new BodyLine(LineChange.SAME, "## 一"),
                new BodyLine(LineChange.SAME, "甲"),
                new BodyLine(LineChange.REMOVED, "乙"),
                new BodyLine(LineChange.REMOVED, "| A | B |"),
                new BodyLine(LineChange.ADDED, "丙"),
                new BodyLine(LineChange.ADDED, "| A | C |"));
    }

    private static Revision revision(int number, String title, String body) {
        return new Revision(null, "c", number, title, "slug", null, null, body, List.of("t"), List.of(), null, null,
                null, "u", "用户", Instant.EPOCH, null);
    }
}
