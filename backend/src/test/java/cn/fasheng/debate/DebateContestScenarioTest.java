package cn.fasheng.debate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

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

/**
 * The district's contest from the roster file to the champion: sixteen teams of eight schools, three power-paired
 * preliminary rounds, an eight-team knockout, and the public pages that follow it.
 */
@FashengAppTest
class DebateContestScenarioTest {

    @Autowired
    WebTestClient http;

    @Test
    void sixteenTeamsThreePreliminariesAndAnEightTeamKnockoutFromCsvToChampion() {
        ConsoleClient editor = TestUsers.create(http, "debate-editor", "辩论赛编辑", "EDITOR");
        ConsoleClient reviewer = TestUsers.create(http, "debate-reviewer", "辩论赛审核", "REVIEWER");
        DebateFixture contest = DebateFixture.create(editor, reviewer, "SURNAME", true, 8, 3);

        JsonNode imported = contest.importRoster(DebateFixture.rosterCsv(16));
        assertThat(imported.get("teamsCreated").asInt()).isEqualTo(16);
        assertThat(imported.get("schoolsCreated").asInt()).isEqualTo(8);
        assertThat(imported.get("debaters").asInt()).isEqualTo(80);
        contest.addJudgesAndVenues(24, 8);

        // A team's strength is its place in the roster read by name: the draw does not know it, the ballots follow it.
        Map<String, Integer> strength = new HashMap<>();
        Map<String, String> schoolOf = new HashMap<>();
        JsonNode teams = contest.roster().get("teams");
        for (int i = 0; i < teams.size(); i++) {
            strength.put(teams.get(i).get("id").asString(), i);
            schoolOf.put(teams.get(i).get("id").asString(), teams.get(i).get("schoolId").asString());
        }

        Set<Set<String>> met = new HashSet<>();
        Map<String, Integer> wins = new HashMap<>();
        for (int r = 1; r <= 3; r++) {
            String roundId = contest.createRound("PRELIMINARY").get("id").asString();
            JsonNode round = contest.generate(roundId);
            assertThat(round.get("name").asString()).isEqualTo("第" + "一二三".charAt(r - 1) + "轮");
            assertThat(round.get("matches")).hasSize(8);
            assertThat(DebateFixture.conflictKinds(round))
                    .doesNotContain("REMATCH", "SAME_SCHOOL", "JUDGE_CONFLICT", "JUDGE_TWICE", "SHORT_PANEL", "UNPLACED", "VENUE_TWICE");
            for (JsonNode match : round.get("matches")) {
                String aff = match.get("affirmative").get("teamId").asString();
                String neg = match.get("negative").get("teamId").asString();
                assertThat(met.add(Set.of(aff, neg))).as("rematch in round %d", r).isTrue();
                assertThat(schoolOf.get(aff)).isNotEqualTo(schoolOf.get(neg));
                if (r > 1) {
                    assertThat(Math.abs(wins.getOrDefault(aff, 0) - wins.getOrDefault(neg, 0))).isLessThanOrEqualTo(1);
                }
                contest.enterBallots(match, strength::get, r == 2 && match.get("slot").asInt() == 1 ? 1 : 0);
            }
            JsonNode done = contest.release(roundId, true, true, true, reviewer);
            assertThat(done.get("complete").asBoolean()).isTrue();
            DebateFixture.assertDecided(done);
            for (JsonNode match : done.get("matches")) {
                JsonNode outcome = match.get("outcome");
                String winner = outcome.get("winner").asString().equals("AFFIRMATIVE")
                        ? match.get("affirmative").get("teamId").asString() : match.get("negative").get("teamId").asString();
                wins.merge(winner, 1, Integer::sum);
            }
        }

        JsonNode standings = editor.get(contest.api("/standings")).expectStatus(200).json();
        List<Integer> winColumn = new ArrayList<>();
        standings.get("teams").forEach(t -> winColumn.add(t.get("values").get(0).asInt()));
        assertThat(winColumn).isSortedAccordingTo((a, b) -> b - a);
        assertThat(winColumn.stream().mapToInt(Integer::intValue).sum()).isEqualTo(24);
        assertThat(winColumn.get(0)).isEqualTo(3);
        assertThat(standings.get("speakers").get(0).get("average").asDouble()).isGreaterThan(0);

        // The knockout: quarter-finals seeded 1v8, 4v5, 2v7, 3v6 from the standings.
        List<String> seeds = new ArrayList<>();
        standings.get("teams").forEach(t -> seeds.add(t.get("teamId").asString()));
        String quarterId = contest.createRound("KNOCKOUT").get("id").asString();
        JsonNode quarters = contest.generate(quarterId);
        assertThat(quarters.get("name").asString()).isEqualTo("四分之一决赛");
        assertThat(quarters.get("matches")).extracting(m -> m.get("affirmative").get("seed").asInt() + "v"
                + m.get("negative").get("seed").asInt()).containsExactly("1v8", "4v5", "2v7", "3v6");
        assertThat(quarters.get("matches").get(0).get("affirmative").get("teamId").asString()).isEqualTo(seeds.get(0));
        assertThat(quarters.get("matches").get(0).get("negative").get("teamId").asString()).isEqualTo(seeds.get(7));
        quarters.get("matches").forEach(m -> contest.enterBallots(m, strength::get, 0));
        contest.release(quarterId, true, true, true, reviewer);

        String semiId = contest.createRound("KNOCKOUT").get("id").asString();
        JsonNode semis = contest.generate(semiId);
        assertThat(semis.get("name").asString()).isEqualTo("半决赛");
        assertThat(semis.get("matches")).hasSize(2);
        semis.get("matches").forEach(m -> contest.enterBallots(m, strength::get, 0));
        contest.release(semiId, true, true, true, reviewer);

        String finalId = contest.createRound("KNOCKOUT").get("id").asString();
        JsonNode fin = contest.generate(finalId);
        assertThat(fin.get("name").asString()).isEqualTo("决赛");
        JsonNode finalMatch = fin.get("matches").get(0);
        // A split panel: the stronger team wins 2:1.
        contest.enterBallots(finalMatch, strength::get, 1);
        JsonNode decided = contest.release(finalId, true, true, true, reviewer).get("matches").get(0).get("outcome");
        assertThat(decided.get("affirmativeBallots").asInt() + ":" + decided.get("negativeBallots").asInt()).isIn("2:1", "1:2");
        String aff = finalMatch.get("affirmative").get("teamId").asString();
        String neg = finalMatch.get("negative").get("teamId").asString();
        String champion = strength.get(aff) > strength.get(neg) ? aff : neg;

        JsonNode bracket = editor.get(contest.api("/bracket")).expectStatus(200).json();
        assertThat(bracket.get("rounds")).hasSize(3);
        assertThat(bracket.get("champion").get("teamId").asString()).isEqualTo(champion);
        editor.post(contest.api("/rounds"), Map.of("stage", "KNOCKOUT")).expectStatus(409);

        // The public pages: champion, standings, results with ballots, and debaters named as 陈同学, never in full.
        String championName = bracket.get("champion").get("name").asString();
        Document bracketPage = page("/debate/" + contest.slug + "/bracket");
        assertThat(bracketPage.select(".champion strong").text()).isEqualTo(championName);
        Document home = page("/debate/" + contest.slug);
        assertThat(home.select(".champion strong").text()).isEqualTo(championName);
        Document standingsPage = page("/debate/" + contest.slug + "/standings");
        assertThat(standingsPage.select("table.standings tbody tr")).hasSize(16);
        assertThat(standingsPage.select("table.standings tbody tr.breaking")).hasSize(8);
        assertThat(standingsPage.select("table.standings thead th").eachText()).contains("胜场", "得票", "总分", "净胜分");
        Document results = page("/debate/" + contest.slug + "/results");
        assertThat(results.select("article.match")).hasSize(8 * 3 + 4 + 2 + 1);
        assertThat(results.select(".result-line").first().text()).contains("胜").contains("票数");
        assertThat(results.select("details.ballots table")).isNotEmpty();
        String resultsHtml = results.outerHtml();
        assertThat(resultsHtml).contains("同学").doesNotContain("思远").doesNotContain("子涵");
        Document speakers = page("/debate/" + contest.slug + "/speakers");
        assertThat(speakers.select(".best-list li")).hasSize(8 * 3 + 4 + 2 + 1);
        assertThat(speakers.outerHtml()).doesNotContain("思远");
        Document motions = page("/debate/" + contest.slug + "/motions");
        assertThat(motions.select(".motion-text").first().text()).contains("网络实名制利大于弊");
    }

    @Test
    void aBadRosterFileImportsNothingAndNamesEveryMistake() {
        ConsoleClient editor = TestUsers.create(http, "debate-importer", "名单导入", "EDITOR");
        DebateFixture contest = DebateFixture.create(editor, ConsoleClient.admin(http), "INITIALS", false, 4, 1);
        String csv = DebateFixture.rosterCsv(4) + "第9中学,,甲,乙,丙,丁,\n第9中学,第9中学丙队,甲,乙,,丁,\n";
        JsonNode problem = editor.upload(contest.api("/roster-import"), "名单.csv", csv.getBytes(StandardCharsets.UTF_8))
                .expectStatus(400).json();
        assertThat(problem.get("detail").asString()).contains("2 处错误").contains("未导入任何数据");
        assertThat(problem.get("errors")).extracting(e -> e.get("row").asInt() + " " + e.get("column").asString())
                .containsExactly("6 队伍", "7 辩手3");
        JsonNode roster = contest.roster();
        assertThat(roster.get("schools")).isEmpty();
        assertThat(roster.get("teams")).isEmpty();

        contest.importRoster(DebateFixture.rosterCsv(4));
        // The same teams again: refused row by row, the first import stays as it was.
        JsonNode again = editor.upload(contest.api("/roster-import"), "名单.csv",
                DebateFixture.rosterCsv(4).getBytes(StandardCharsets.UTF_8)).expectStatus(400).json();
        assertThat(again.get("errors")).hasSize(4).allSatisfy(e -> assertThat(e.get("message").asString()).startsWith("已有同名队伍"));
        assertThat(contest.roster().get("teams")).hasSize(4);
        String template = editor.get(contest.api("/roster-template.csv")).expectStatus(200).body();
        assertThat(template).contains("学校,队伍,辩手1,辩手2,辩手3,辩手4");

        editor.delete(contest.api("")).expectStatus(403);
        ConsoleClient.admin(http).delete(contest.api("")).expectStatus(204);
        editor.get(contest.api("/roster")).expectStatus(404);
        http.get().uri("/debate/" + contest.slug).exchange().expectStatus().isNotFound();
    }

    @Test
    void ballotsAreCheckedWholeAndCorrectionsNeedAReasonAndAreAudited() {
        ConsoleClient editor = TestUsers.create(http, "debate-scorer", "成绩录入", "EDITOR");
        ConsoleClient reviewer = TestUsers.create(http, "debate-releaser", "成绩公开", "REVIEWER");
        DebateFixture contest = DebateFixture.create(editor, reviewer, "FULL", false, 2, 1);
        contest.importRoster(DebateFixture.rosterCsv(4));
        contest.addJudgesAndVenues(2, 2, false);
        String roundId = contest.createRound("PRELIMINARY").get("id").asString();
        JsonNode match = contest.generate(roundId).get("matches").get(0);
        String matchId = match.get("id").asString();
        String judgeId = match.get("judges").get(0).get("id").asString();
        JsonNode sheet = contest.sheet(matchId);
        String ballotUrl = "/api/console/debate/matches/" + matchId + "/ballots/" + judgeId;

        JsonNode outOfRange = editor.put(ballotUrl, DebateFixture.ballot(sheet, true, 101, 80)).expectStatus(400).json();
        assertThat(outOfRange.get("errors").get(0).get("message").asString()).contains("60–100 分之间").contains("0.5 分为一档");
        JsonNode offStep = editor.put(ballotUrl, DebateFixture.ballot(sheet, true, 85.3, 80)).expectStatus(400).json();
        assertThat(offStep.get("errors").get(0).get("field").asString()).isEqualTo("scores");
        JsonNode lowPoint = editor.put(ballotUrl, DebateFixture.ballot(sheet, true, 70, 90)).expectStatus(400).json();
        assertThat(lowPoint.get("errors").get(0).get("message").asString()).contains("不允许低分胜");
        JsonNode notOnPanel = editor.put("/api/console/debate/matches/" + matchId + "/ballots/nobody",
                DebateFixture.ballot(sheet, true, 85, 80)).expectStatus(400).json();
        assertThat(notOnPanel.get("errors").get(0).get("message").asString()).isEqualTo("该评委不在本场评委名单中");
        assertThat(contest.sheet(matchId).get("ballots")).isEmpty();

        JsonNode entered = editor.put(ballotUrl, DebateFixture.ballot(sheet, true, 85, 80)).expectStatus(200).json();
        assertThat(entered.get("match").get("outcome").get("decided").asBoolean()).isTrue();
        assertThat(entered.get("match").get("outcome").get("winner").asString()).isEqualTo("AFFIRMATIVE");
        long version = entered.get("ballots").get(0).get("version").asLong();

        editor.put(ballotUrl, DebateFixture.ballot(sheet, false, 80, 85)).expectStatus(409);
        Map<String, Object> correction = DebateFixture.ballot(sheet, false, 80, 85);
        correction.put("version", version);
        JsonNode noReason = editor.put(ballotUrl, correction).expectStatus(400).json();
        assertThat(noReason.get("errors").get(0).get("field").asString()).isEqualTo("reason");
        correction.put("reason", "评委交表后发现正反方勾选错误");
        JsonNode corrected = editor.put(ballotUrl, correction).expectStatus(200).json();
        assertThat(corrected.get("match").get("outcome").get("winner").asString()).isEqualTo("NEGATIVE");
        assertThat(corrected.get("ballots").get(0).get("corrections").asInt()).isEqualTo(1);

        JsonNode audit = ConsoleClient.admin(http).get("/api/console/audit?size=200").expectStatus(200).json().get("items");
        assertThat(StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.get("actionLabel").asString().equals("更正评分表"))
                .map(e -> e.get("detail").asString()))
                .anySatisfy(d -> assertThat(d).contains("评委交表后发现正反方勾选错误").contains("原为 正方").contains("改为 反方"));

        // Releasing is for reviewers; the public results page shows the corrected result once released.
        editor.put("/api/console/debate/rounds/" + roundId + "/release", Map.of("results", true)).expectStatus(403);
        assertThat(page("/debate/" + contest.slug + "/results").select("article.match")).isEmpty();
        contest.release(roundId, true, false, true, reviewer);
        Document results = page("/debate/" + contest.slug + "/results");
        assertThat(results.select("article.match[data-match=" + matchId + "] .result-line").text()).startsWith("反方");
        assertThat(results.select("details.ballots")).as("ballots are not public in this contest").isEmpty();
    }

    @Test
    void theDemoContestIsSeededOnFirstStartWithAFinishedRoundAndTheNextOneDrawn() {
        Document index = page("/debate");
        assertThat(index.select(".contest-list a").eachText()).contains("杨浦区高中生法治辩论赛（演示）");
        Document results = page("/debate/demo-2026/results");
        assertThat(results.select("article.match")).hasSize(4);
        assertThat(results.select(".result-line")).hasSize(4);
        assertThat(results.outerHtml()).contains("同学").doesNotContain("思远").doesNotContain("子涵");
        Document schedule = page("/debate/demo-2026/schedule");
        assertThat(schedule.select(".round-name")).hasSize(2);
        assertThat(schedule.select(".motion-text").eachText()).anySatisfy(t -> assertThat(t).contains("营商环境"));
        Document standings = page("/debate/demo-2026/standings");
        assertThat(standings.select("table.standings tbody tr")).hasSize(8);
        String sitemap = http.get().uri("/sitemap.xml").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(sitemap).contains("/debate/demo-2026</loc>", "/debate/demo-2026/standings</loc>");
    }

    private Document page(String path) {
        byte[] body = http.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return Jsoup.parse(new String(body, StandardCharsets.UTF_8));
    }
}
