package cn.fasheng.debate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamePolicyTest {

    @Test
    void surnamePlusClassmate() {
        assertThat(NamePolicy.SURNAME.display("张三")).isEqualTo("张同学");
        assertThat(NamePolicy.SURNAME.display("欧阳思远")).isEqualTo("欧阳同学");
        assertThat(NamePolicy.SURNAME.display("Emily Wang")).isEqualTo("E.W. 同学");
        assertThat(NamePolicy.SURNAME.display("ZhangSan")).isEqualTo("Z. 同学");
    }

    @Test
    void initialsFromPinyin() {
        assertThat(NamePolicy.INITIALS.display("张三")).isEqualTo("Z.S.");
        assertThat(NamePolicy.INITIALS.display("李明轩")).isEqualTo("L.M.X.");
        assertThat(NamePolicy.INITIALS.display("欧阳娜娜")).isEqualTo("O.Y.N.N.");
        assertThat(NamePolicy.INITIALS.display("Emily Wang")).isEqualTo("E.W.");
        // Characters outside GB2312's pinyin-ordered level 1 that are common in children's names.
        assertThat(NamePolicy.INITIALS.display("王梓萱")).isEqualTo("W.Z.X.");
        assertThat(NamePolicy.INITIALS.display("陈睿琪")).isEqualTo("C.R.Q.");
        assertThat(NamePolicy.INITIALS.display("张𠀀")).as("unknown, never a wrong letter").isEqualTo("Z.*.");
    }

    @Test
    void fullNameOnlyWhereAllowed() {
        assertThat(NamePolicy.FULL.display(" 王小明 ")).isEqualTo("王小明");
        assertThat(NamePolicy.SURNAME.display("王小明")).doesNotContain("小明");
    }
}
