package cn.fasheng.landscape;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Bulk import from CSV: every bad row reported by row and column, and a file with any mistake imports nothing. */
@FashengAppTest
class LandscapeImportTest {

    private static final String HEADER = "名称,街道,类别,地址,纬度,经度,坐标系,开放时间,状态,建成日期,无障碍通道,休息座椅\n";

    @Autowired
    WebTestClient http;

    @Test
    void aFileWithBadRowsImportsNothingAndNamesEveryMistake() {
        ConsoleClient editor = TestUsers.create(http, "import-editor", "导入编辑", "EDITOR");
        int before = editor.get("/api/console/landscape/sites").expectStatus(200).json().size();
        String csv = HEADER
                + "长海路宪法角,长海路街道,宪法主题,长海路某号,31.3180,121.5310,WGS-84,全天,开放,2023-01-01,是,是\n"
                + "经纬度填反,长海路街道,宪法主题,长海路某号,121.5310,31.3180,WGS-84,全天,开放,,是,否\n"
                + "不存在的街道,外滩街道,宪法主题,中山东一路,31.3180,121.5310,WGS-84,全天,开放,,否,否\n"
                + "长海路宪法角,长海路街道,宪法主题,长海路另一号,31.3170,121.5300,GCJ-02,全天,开放,,否,否\n"
                + "坐标系不明,长海路街道,宪法主题,长海路某号,31.3170,121.5300,百度,全天,装修,2023-13-01,也许,否\n"
                + ",,,,,,,,,,,\n"
                + "缺经度,长海路街道,宪法主题,长海路某号,31.3170,,GCJ-02,全天,开放,,否,否\n";
        JsonNode problem = editor.upload("/api/console/landscape/import", "微景观.csv", csv.getBytes(StandardCharsets.UTF_8))
                .expectStatus(400).json();
        assertThat(problem.get("title").asString()).isEqualTo("微景观文件有误");
        assertThat(problem.get("detail").asString()).contains("未导入任何数据");
        assertThat(errors(problem)).containsExactly(
                "3 纬度 坐标（纬度 121.531000，经度 31.318000，WGS-84）不在杨浦区范围内",
                "4 街道 “外滩街道”不在街道列表中",
                "5 名称 与第 2 行重复（同一街道、同一名称）",
                "6 坐标系 坐标系“百度”无法识别，只能是 WGS-84 或 GCJ-02",
                "6 状态 状态只能是 开放、改造中 或 已关闭",
                "6 无障碍通道 无障碍通道只能填“是”或“否”",
                "6 建成日期 建成日期“2023-13-01”不是日期（如 2023-06-01）",
                "8 经度 经度不能为空");
        assertThat(editor.get("/api/console/landscape/sites").json().size()).as("nothing imported").isEqualTo(before);
    }

    @Test
    void aGoodFileIsImportedWithGcjCoordinatesConvertedAndCannotBeImportedTwice() {
        ConsoleClient editor = TestUsers.create(http, "import-editor2", "导入编辑二", "EDITOR");
        String csv = HEADER
                + "长海路法治长廊,长海路街道,法治长廊,长海路 100 号,31.3160,121.5350,GCJ-02,6:00—21:00,改造中,2022/5,是,否\n"
                + "长海路法律服务点,长海路街道,法律服务点,长海路 200 号,31.3190,121.5290,WGS-84,工作日,开放,2021-09-01,否,是\n";
        // Excel on Chinese Windows saves GB18030.
        JsonNode outcome = editor.upload("/api/console/landscape/import", "微景观.csv", csv.getBytes(Charset.forName("GB18030")))
                .expectStatus(200).json();
        assertThat(outcome.get("imported").asInt()).isEqualTo(2);
        JsonNode gallery = find(editor, "长海路法治长廊");
        LatLng expected = ChinaCoordinates.gcjToWgs(new LatLng(31.3160, 121.5350));
        assertThat(gallery.get("location").get("lat").asDouble()).isCloseTo(expected.lat(), within(1e-9));
        assertThat(gallery.get("location").get("lng").asDouble()).isCloseTo(expected.lng(), within(1e-9));
        assertThat(gallery.get("status").asString()).isEqualTo("RENOVATING");
        assertThat(gallery.get("openedOn").asString()).isEqualTo("2022-05-01");
        assertThat(gallery.get("access").get("stepFree").asBoolean()).isTrue();
        assertThat(gallery.get("published").asBoolean()).as("imported as drafts").isFalse();
        assertThat(gallery.get("shortPath").asString()).matches("/s/[2-9a-z]{6}");
        assertThat(gallery.get("slug").asString()).isEqualTo("site-" + gallery.get("code").asString());

        JsonNode again = editor.upload("/api/console/landscape/import", "微景观.csv", csv.getBytes(StandardCharsets.UTF_8))
                .expectStatus(400).json();
        assertThat(errors(again)).containsExactly("2 名称 本街道已有同名微景观“长海路法治长廊”", "3 名称 本街道已有同名微景观“长海路法律服务点”");
    }

    @Test
    void onlyReviewersImportStraightOntoTheColumnAndTheTemplateOpensInExcel() {
        ConsoleClient editor = TestUsers.create(http, "import-editor3", "导入编辑三", "EDITOR");
        String csv = HEADER + "长海路宪法墙,长海路街道,法治文化墙,长海路 300 号,31.3200,121.5300,WGS-84,全天,开放,,否,否\n";
        JsonNode refused = editor.upload("/api/console/landscape/import?publish=true", "微景观.csv", csv.getBytes(StandardCharsets.UTF_8))
                .expectStatus(403).json();
        assertThat(refused.get("detail").asString()).contains("需审核人员或管理员");
        assertThat(editor.get("/api/console/landscape/sites").json().valueStream()
                .noneMatch(s -> s.get("name").asString().equals("长海路宪法墙"))).as("nothing stored").isTrue();

        ConsoleClient.Response template = editor.get("/api/console/landscape/import-template.csv").expectStatus(200);
        assertThat(template.body()).startsWith("\uFEFF名称,街道,类别,地址,纬度,经度,坐标系,");
        assertThat(template.headers().getContentDisposition().getFilename()).isEqualTo("微景观导入模板.csv");
    }

    private static java.util.List<String> errors(JsonNode problem) {
        return problem.get("errors").valueStream().map(e -> {
            String message = e.get("message").asString();
            int cut = message.indexOf("（北纬");
            return e.get("row").asInt() + " " + e.get("column").asString() + " " + (cut > 0 ? message.substring(0, message.indexOf("范围内") + 3) : message);
        }).toList();
    }

    private static JsonNode find(ConsoleClient client, String name) {
        return client.get("/api/console/landscape/sites").json().valueStream()
                .filter(s -> s.get("name").asString().equals(name)).findFirst().orElseThrow();
    }
}
