package cn.fasheng.debate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RosterCsvTest {

    private static final String HEADER = "学校,队伍,辩手1,辩手2,辩手3,辩手4,替补1\n";

    @Test
    void readsExcelsChineseEncodingAndUtf8WithByteOrderMark() {
        String csv = HEADER + "复旦附中,复旦附中A队,张一,张二,张三,张四,张五\n";
        RosterCsv.Parsed gb = RosterCsv.parse(csv.getBytes(Charset.forName("GB18030")), 4);
        RosterCsv.Parsed utf8 = RosterCsv.parse(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8), 4);
        for (RosterCsv.Parsed parsed : new RosterCsv.Parsed[] {gb, utf8}) {
            assertThat(parsed.errors()).isEmpty();
            assertThat(parsed.rows()).singleElement().satisfies(row -> {
                assertThat(row.school()).isEqualTo("复旦附中");
                assertThat(row.team()).isEqualTo("复旦附中A队");
                assertThat(row.debaters()).containsExactly("张一", "张二", "张三", "张四", "张五");
            });
        }
    }

    @Test
    void everyMistakeIsReportedByRowAndColumn() {
        String csv = HEADER
                + "控江中学,控江A队,李一,李二,李三,李四,\n"
                + "\n"
                + ",,,,,,\n"
                + ",控江B队,王一,王二,王三,王四,\n"
                + "控江中学,控江A队,赵一,赵二,,赵四,\n"
                + "控江中学,控江C队,钱一,钱一,钱三,钱四,\n";
        RosterCsv.Parsed parsed = RosterCsv.parse(csv.getBytes(StandardCharsets.UTF_8), 4);
        assertThat(parsed.errors()).extracting(e -> e.row() + "/" + e.column() + "/" + e.message()).containsExactly(
                "5/学校/学校不能为空",
                "6/队伍/与第 2 行的队伍重名",
                "6/辩手3/缺少辩手3的姓名",
                "7/辩手2/同一队伍中有重名辩手“钱一”");
    }

    @Test
    void aFileWithoutTheTemplatesColumnsIsRefusedAsAWhole() {
        RosterCsv.Parsed parsed = RosterCsv.parse("姓名,班级\n张三,高一(1)\n".getBytes(StandardCharsets.UTF_8), 4);
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).extracting(cn.fasheng.platform.error.FileRowsException.RowError::column)
                .containsExactly("学校", "队伍", "辩手1", "辩手2", "辩手3", "辩手4");
    }

    @Test
    void theTemplateOpensInExcelAndReadsBackEmpty() {
        byte[] template = RosterCsv.template(4);
        assertThat(new String(template, StandardCharsets.UTF_8)).startsWith("\uFEFF学校,队伍,辩手1,辩手2,辩手3,辩手4,替补1,替补2");
        assertThat(RosterCsv.parse(template, 4).errors()).extracting(cn.fasheng.platform.error.FileRowsException.RowError::message)
                .containsExactly("文件中没有队伍");
    }
}
