package cn.fasheng.debate;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that keep what the public sees and what the bracket was drawn from consistent. */
@FashengAppTest
class DebateRulesTest {

    @Autowired
    WebTestClient http;

    @Test
    void editorsPrepareButOnlyReviewersPublishShowFullNamesOrPublishBallots() {
        ConsoleClient editor = TestUsers.create(http, "rules-editor", "规则编辑", "EDITOR");
        Map<String, Object> contest = new HashMap<>(Map.of("name", "法治辩论赛", "season", "2027", "namePolicy", "SURNAME",
                "prelimRounds", 3, "breakSize", 4, "panelSize", 3, "metrics", List.of("wins", "ballots"), "published", true,
                "ballotsPublic", false));
        JsonNode refused = editor.post("/api/console/debate/contests", contest).expectStatus(403).json();
        assertThat(refused.get("detail").asString()).contains("需审核人员或管理员操作");
        contest.put("published", false);
        JsonNode created = editor.post("/api/console/debate/contests", contest).expectStatus(201).json();
        contest.put("version", created.get("version").asLong());
        contest.put("namePolicy", "FULL");
        editor.put("/api/console/debate/contests/" + created.get("id").asString(), contest).expectStatus(403);
        contest.put("namePolicy", "SURNAME");
        contest.put("name", "法治辩论赛（改名）");
        editor.put("/api/console/debate/contests/" + created.get("id").asString(), contest).expectStatus(200);
    }

    @Test
    void aDrawGeneratedAgainIsHiddenUntilReleasedAgainAndResultsNeverShowWithoutTheirDraw() {
        ConsoleClient editor = TestUsers.create(http, "rules-drawer", "对阵编辑", "EDITOR");
        ConsoleClient reviewer = TestUsers.create(http, "rules-reviewer", "对阵审核", "REVIEWER");
        DebateFixture contest = DebateFixture.create(editor, reviewer, "SURNAME", true, 2, 1);
        contest.importRoster(DebateFixture.rosterCsv(4));
        contest.addJudgesAndVenues(2, 2, false);
        String roundId = contest.createRound("PRELIMINARY").get("id").asString();
        contest.generate(roundId);
        contest.release(roundId, false, false, true, reviewer);
        assertThat(page(contest, "/results").select("article.match")).as("results without their draw").isEmpty();
        contest.release(roundId, true, false, true, reviewer);
        assertThat(page(contest, "/results").select("article.match")).hasSize(2);

        JsonNode again = contest.generate(roundId);
        assertThat(again.get("drawReleased").asBoolean()).isFalse();
        assertThat(page(contest, "/schedule").select("article.match")).isEmpty();
        assertThat(page(contest, "/results").select("article.match")).isEmpty();
        // The replaced draw's matches are gone from the round, its new ones are all there is.
        assertThat(contest.round(roundId).get("matches")).hasSize(2);
        assertThat(DebateFixture.conflictKinds(contest.round(roundId))).doesNotContain("TEAM_TWICE", "UNPLACED");
    }

    @Test
    void aKnockoutResultTheNextRoundWasDrawnFromCannotBeTurnedAround() {
        ConsoleClient editor = TestUsers.create(http, "rules-knockout", "淘汰赛编辑", "EDITOR");
        ConsoleClient reviewer = TestUsers.create(http, "rules-knockout-rev", "淘汰赛审核", "REVIEWER");
        DebateFixture contest = DebateFixture.create(editor, reviewer, "SURNAME", false, 4, 1);
        contest.importRoster(DebateFixture.rosterCsv(4));
        contest.addJudgesAndVenues(4, 2, false);
        Map<String, Integer> strength = new HashMap<>();
        JsonNode teams = contest.roster().get("teams");
        for (int i = 0; i < teams.size(); i++) {
            strength.put(teams.get(i).get("id").asString(), i);
        }
        String prelim = contest.createRound("PRELIMINARY").get("id").asString();
        contest.generate(prelim).get("matches").forEach(m -> contest.enterBallots(m, strength::get, 0));
        String semiId = contest.createRound("KNOCKOUT").get("id").asString();
        JsonNode semi = contest.generate(semiId).get("matches").get(0);
        contest.enterBallots(semi, strength::get, 0);
        contest.round(semiId).get("matches").forEach(m -> {
            if (!m.get("outcome").get("decided").asBoolean()) {
                contest.enterBallots(m, strength::get, 0);
            }
        });
        String finalId = contest.createRound("KNOCKOUT").get("id").asString();
        contest.generate(finalId);

        JsonNode sheet = contest.sheet(semi.get("id").asString());
        JsonNode ballot = sheet.get("ballots").get(0);
        boolean affirmativeWon = ballot.get("winner").asString().equals("AFFIRMATIVE");
        Map<String, Object> flipped = DebateFixture.ballot(sheet, !affirmativeWon, affirmativeWon ? 80 : 85, affirmativeWon ? 85 : 80);
        flipped.put("version", ballot.get("version").asLong());
        flipped.put("reason", "录入错误");
        JsonNode refused = editor.put("/api/console/debate/matches/" + semi.get("id").asString() + "/ballots/"
                + ballot.get("judgeId").asString(), flipped).expectStatus(409).json();
        assertThat(refused.get("detail").asString()).contains("下一轮对阵已按本场结果生成");

        // Nor by adding judges to the decided match, whose new ballots could outvote the old one.
        JsonNode round = contest.round(semiId);
        List<Map<String, Object>> edits = new java.util.ArrayList<>();
        for (JsonNode m : round.get("matches")) {
            List<String> judges = new java.util.ArrayList<>();
            m.get("judges").forEach(j -> judges.add(j.get("id").asString()));
            if (m.get("id").asString().equals(semi.get("id").asString())) {
                contest.roster().get("judges").forEach(j -> {
                    if (judges.size() < 3 && !judges.contains(j.get("id").asString())) {
                        judges.add(j.get("id").asString());
                    }
                });
            }
            edits.add(Map.of("id", m.get("id").asString(), "affirmativeTeamId", m.get("affirmative").get("teamId").asString(),
                    "negativeTeamId", m.get("negative").get("teamId").asString(), "judgeIds", judges));
        }
        editor.put("/api/console/debate/rounds/" + semiId + "/draw", Map.of("matches", edits)).expectStatus(409);
    }

    @Test
    void anEditBasedOnAnOlderVersionIsRefusedInsteadOfUndoingAnothers() {
        ConsoleClient editor = TestUsers.create(http, "rules-stale", "名单编辑", "EDITOR");
        ConsoleClient reviewer = TestUsers.create(http, "rules-stale-rev", "名单审核", "REVIEWER");
        DebateFixture contest = DebateFixture.create(editor, reviewer, "SURNAME", false, 0, 1);
        contest.importRoster(DebateFixture.rosterCsv(2));
        JsonNode team = contest.roster().get("teams").get(0);
        Map<String, Object> rename = new HashMap<>(Map.of("schoolId", team.get("schoolId").asString(), "name", "改名一队",
                "debaters", List.of(Map.of("name", "甲"), Map.of("name", "乙"), Map.of("name", "丙"), Map.of("name", "丁")),
                "version", team.get("version").asLong()));
        editor.put(contest.api("/teams/" + team.get("id").asString()), rename).expectStatus(200);
        rename.put("name", "改名二队");
        JsonNode stale = editor.put(contest.api("/teams/" + team.get("id").asString()), rename).expectStatus(409).json();
        assertThat(stale.get("detail").asString()).contains("已被他人修改");
        assertThat(contest.roster().get("teams").findValuesAsString("name")).contains("改名一队").doesNotContain("改名二队");
    }

    private Document page(DebateFixture contest, String section) {
        byte[] body = http.get().uri("/debate/" + contest.slug + section).exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody();
        return Jsoup.parse(new String(body, StandardCharsets.UTF_8));
    }
}
