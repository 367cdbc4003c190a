package cn.fasheng.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    private final SearchTerms terms = new SearchTerms();

    @Test
    void aChineseQueryMatchesTextThatContainsItsWords() {
        List<String> indexed = terms.of("常见电信网络诈骗类型与防范要点", "冒充客服退款、刷单返利都是骗局。");
        assertThat(indexed).containsAll(terms.query("电信诈骗"))
                .containsAll(terms.query("刷单返利"))
                .containsAll(terms.query("防范网络诈骗"));
        assertThat(indexed).doesNotContainAnyElementsOf(terms.query("居住权"));
    }

    @Test
    void punctuationAndRepeatsAreDroppedAndLatinLetterCaseIgnored() {
        assertThat(terms.query("，。！？")).isEmpty();
        assertThat(terms.query("民法典 民法典")).doesNotHaveDuplicates();
        assertThat(terms.of("APP 诈骗")).containsAll(terms.query("app"));
    }
}
