package cn.fasheng.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import cn.fasheng.debate.DebateFixture;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FashengAppTest;
import cn.fasheng.support.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Results night: a reader follows the results page on a phone while an editor at the venue enters the last
 * judge's ballot on another phone; the reader's page shows the result without being reloaded.
 */
@FashengAppTest
class DebateBrowserTest extends BrowserTestSupport {

    @Autowired
    WebTestClient http;

    @Test
    void aBallotEnteredInTheConsoleAppearsLiveOnThePublicResultsPage() {
        ConsoleClient editor = TestUsers.create(http, "venue.editor", "赛场编辑", "EDITOR");
        ConsoleClient reviewer = TestUsers.create(http, "venue.reviewer", "赛场审核", "REVIEWER");
        DebateFixture contest = DebateFixture.create(editor, reviewer, "SURNAME", true, 2, 3);
        contest.importRoster(DebateFixture.rosterCsv(4));
        contest.addJudgesAndVenues(6, 2, false);
        String roundId = contest.createRound("PRELIMINARY").get("id").asString();
        JsonNode match = contest.generate(roundId).get("matches").get(0);
        String matchId = match.get("id").asString();
        String affirmative = match.get("affirmative").get("name").asString();
        // Two judges have handed in, split 1:1; the third decides.
        JsonNode sheet = contest.sheet(matchId);
        String ballots = "/api/console/debate/matches/" + matchId + "/ballots/";
        editor.put(ballots + match.get("judges").get(0).get("id").asString(), DebateFixture.ballot(sheet, true, 85, 80))
                .expectStatus(200);
        editor.put(ballots + match.get("judges").get(1).get("id").asString(), DebateFixture.ballot(sheet, false, 80, 85))
                .expectStatus(200);
        String lastJudge = match.get("judges").get(2).get("name").asString();
        contest.release(roundId, true, true, true, reviewer);

        Page reader = newPage(true);
        reader.navigate(url("/debate/" + contest.slug + "/results"));
        Locator card = reader.locator("article[data-match='" + matchId + "']");
        assertThat(card.locator(".pending")).containsText("评分表 2/3");
        // The page is complete HTML: the result region is there before any script runs.
        assertThat(reader.locator("[data-live-region]")).hasAttribute("data-live-url", Pattern.compile(".*/live$"));

        Page venue = newPage(true);
        venue.navigate(url("/console/debate/" + contest.contestId + "/rounds"));
        signIn(venue, "venue.editor", "venue.editor-password");
        venue.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("录入成绩")).first().click();
        assertThat(venue).hasURL(Pattern.compile(".*/console/debate/matches/" + matchId + "/ballot$"));
        venue.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile(lastJudge))).click();
        String[] numerals = {"一", "二", "三", "四"};
        for (int p = 0; p < 4; p++) {
            venue.getByLabel("正方" + numerals[p] + "辩得分").fill("86");
            venue.getByLabel("反方" + numerals[p] + "辩得分").fill("81.5");
        }
        venue.getByLabel("正方胜").check();
        venue.getByLabel("最佳辩手").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        org.assertj.core.api.Assertions.assertThat(fitsTheScreenWidth(venue)).as("ballot entry fits a phone").isTrue();
        screenshot(venue, "console-debate-ballot-entry");
        venue.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评分表")).click();
        assertThat(venue.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("正方胜 2:1"))).isVisible();

        // The reader's page, never reloaded, now shows the result and says it was updated.
        // Generous: a 2-core CI machine may still be transcoding the demo videos.
        assertThat(card.locator(".result-line")).containsText("正方 " + affirmative + " 胜",
                new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        assertThat(card.locator(".result-line")).containsText("票数 2:1");
        assertThat(reader.locator("[data-live-status]")).containsText("比赛信息已于");
        assertThat(card.locator("details.ballots table")).hasCount(3);
        org.assertj.core.api.Assertions.assertThat(fitsTheScreenWidth(reader)).as("results fit a phone").isTrue();
        screenshot(reader, "site-debate-results-live");
    }
}
