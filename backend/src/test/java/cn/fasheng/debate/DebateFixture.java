package cn.fasheng.debate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;

import cn.fasheng.support.ConsoleClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A contest set up through the console API as editors would: roster from CSV, judges, venues, ballots. */
public final class DebateFixture {

    /** Surnames that GB2312 orders under different initials, so every debater's public name is distinct enough. */
    private static final String[] SURNAMES = {"陈", "林", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "郭", "何",
            "罗", "梁", "宋", "唐"};
    private static final String[] GIVEN = {"思远", "子涵", "雨桐", "浩然", "可馨"};

    public final ConsoleClient editor;
    public final String contestId;
    public final String slug;

    private DebateFixture(ConsoleClient editor, String contestId, String slug) {
        this.editor = editor;
        this.contestId = contestId;
        this.slug = slug;
    }

    /** Created by {@code reviewer} (publishing a contest is a reviewer's decision), then run by {@code editor}. */
    public static DebateFixture create(ConsoleClient editor, ConsoleClient reviewer, String namePolicy,
            boolean ballotsPublic, int breakSize, int panelSize) {
        String slug = "debate-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "杨浦区高中生法治辩论赛");
        body.put("season", "2026");
        body.put("slug", slug);
        body.put("description", "以辩促学，以赛普法");
        body.put("namePolicy", namePolicy);
        body.put("ballotsPublic", ballotsPublic);
        body.put("prelimRounds", 3);
        body.put("breakSize", breakSize);
        body.put("panelSize", panelSize);
        body.put("metrics", List.of("wins", "ballots", "speaks", "margin"));
        body.put("published", true);
        JsonNode contest = reviewer.post("/api/console/debate/contests", body).expectStatus(201).json();
        return new DebateFixture(editor, contest.get("id").asString(), slug);
    }

    /** {@code teams} teams, two per school, four debaters and one reserve each. */
    public static String rosterCsv(int teams) {
        StringBuilder csv = new StringBuilder("学校,队伍,辩手1,辩手2,辩手3,辩手4,替补1\n");
        for (int t = 0; t < teams; t++) {
            int school = t / 2;
            csv.append("第").append(school + 1).append("中学,").append("第").append(school + 1).append("中学")
                    .append(t % 2 == 0 ? "甲" : "乙").append("队");
            for (int d = 0; d < 5; d++) {
                csv.append(',').append(SURNAMES[t % SURNAMES.length]).append(GIVEN[d]).append(t);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    public JsonNode importRoster(String csv) {
        return editor.upload(api("/roster-import"), "名单.csv", csv.getBytes(StandardCharsets.UTF_8)).expectStatus(200).json();
    }

    public JsonNode roster() {
        return editor.get(api("/roster")).expectStatus(200).json();
    }

    /** Judges, each declaring a conflict with one school; and venues. */
    public void addJudgesAndVenues(int judges, int venues) {
        addJudgesAndVenues(judges, venues, true);
    }

    public void addJudgesAndVenues(int judges, int venues, boolean conflicts) {
        List<String> schools = new ArrayList<>();
        roster().get("schools").forEach(s -> schools.add(s.get("id").asString()));
        for (int j = 0; j < judges; j++) {
            editor.post(api("/judges"), Map.of("name", "评委" + (j + 1), "affiliation", "杨浦区律师协会",
                    "conflictSchoolIds", conflicts ? List.of(schools.get(j % schools.size())) : List.of())).expectStatus(201);
        }
        for (int v = 0; v < venues; v++) {
            editor.post(api("/venues"), Map.of("name", "第" + (v + 1) + "教室", "address", "杨浦区司法局")).expectStatus(201);
        }
    }

    public JsonNode createRound(String stage) {
        return editor.post(api("/rounds"), Map.of("stage", stage, "startsAt", "2026-12-05T09:00:00+08:00",
                "motion", Map.of("text", "网络实名制利大于弊", "affirmative", "利大于弊", "negative", "弊大于利"))).expectStatus(201).json();
    }

    public JsonNode generate(String roundId) {
        return editor.post("/api/console/debate/rounds/" + roundId + "/draw", null).expectStatus(200).json();
    }

    public JsonNode sheet(String matchId) {
        return editor.get("/api/console/debate/matches/" + matchId + "/ballots").expectStatus(200).json();
    }

    /**
     * Enters every judge's ballot on a match. {@code strength} decides who wins: the stronger team gets 85 per
     * speaker, the other 80; {@code dissent} judges (from the last) vote the other way with reversed scores.
     */
    public void enterBallots(JsonNode match, ToIntFunction<String> strength, int dissent) {
        String matchId = match.get("id").asString();
        JsonNode sheet = sheet(matchId);
        String aff = match.get("affirmative").get("teamId").asString();
        String neg = match.get("negative").get("teamId").asString();
        boolean affStronger = strength.applyAsInt(aff) > strength.applyAsInt(neg);
        List<JsonNode> judges = new ArrayList<>();
        match.get("judges").forEach(judges::add);
        for (int j = 0; j < judges.size(); j++) {
            boolean affWins = j >= judges.size() - dissent ? !affStronger : affStronger;
            editor.put("/api/console/debate/matches/" + matchId + "/ballots/" + judges.get(j).get("id").asString(),
                    ballot(sheet, affWins, affWins ? 85 : 80, affWins ? 80 : 85)).expectStatus(200);
        }
    }

    public static Map<String, Object> ballot(JsonNode sheet, boolean affirmativeWins, double affScore, double negScore) {
        List<Map<String, Object>> scores = new ArrayList<>();
        int positions = sheet.get("positions").asInt();
        for (int p = 1; p <= positions; p++) {
            scores.add(Map.of("side", "AFFIRMATIVE", "position", p,
                    "debaterId", sheet.get("affirmativeDebaters").get(p - 1).get("id").asString(), "score", affScore + (p == 1 ? 1 : 0)));
            scores.add(Map.of("side", "NEGATIVE", "position", p,
                    "debaterId", sheet.get("negativeDebaters").get(p - 1).get("id").asString(), "score", negScore));
        }
        String best = (affirmativeWins ? sheet.get("affirmativeDebaters") : sheet.get("negativeDebaters")).get(0).get("id").asString();
        Map<String, Object> ballot = new HashMap<>();
        ballot.put("winner", affirmativeWins ? "AFFIRMATIVE" : "NEGATIVE");
        ballot.put("scores", scores);
        ballot.put("bestDebaterId", best);
        return ballot;
    }

    public JsonNode release(String roundId, boolean draw, boolean motion, boolean results, ConsoleClient reviewer) {
        return reviewer.put("/api/console/debate/rounds/" + roundId + "/release",
                Map.of("draw", draw, "motion", motion, "results", results)).expectStatus(200).json();
    }

    public JsonNode rounds() {
        return editor.get(api("/rounds")).expectStatus(200).json();
    }

    public JsonNode round(String roundId) {
        for (JsonNode round : rounds()) {
            if (round.get("id").asString().equals(roundId)) {
                return round;
            }
        }
        throw new AssertionError("no round " + roundId);
    }

    public static List<String> conflictKinds(JsonNode round) {
        List<String> kinds = new ArrayList<>();
        round.get("conflicts").forEach(c -> kinds.add(c.get("kind").asString()));
        return kinds;
    }

    public String api(String path) {
        return "/api/console/debate/contests/" + contestId + path;
    }

    static void assertDecided(JsonNode round) {
        round.get("matches").forEach(m -> assertThat(m.get("outcome").get("decided").asBoolean())
                .as("match %s decided", m.get("slot")).isTrue());
    }
}
