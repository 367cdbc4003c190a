package cn.fasheng.debate;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.debate.DebateRequests.EditDraw;
import cn.fasheng.debate.DebateRequests.Release;
import cn.fasheng.debate.DebateRequests.SaveBallot;
import cn.fasheng.debate.DebateRequests.SaveMatchDetails;
import cn.fasheng.debate.DebateRequests.SaveRound;
import cn.fasheng.debate.DebateViews.BallotSheet;
import cn.fasheng.debate.DebateViews.DebateRoundView;
import cn.fasheng.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** Rounds, draws, release switches and ballots. Every change answers the round as it now stands. */
@Tag(name = "辩论赛")
@RestController
@RequestMapping("/api/console/debate")
public class RoundsConsoleController {

    private final RoundService rounds;
    private final DrawService draws;
    private final DrawAdjustments adjustments;
    private final BallotService ballots;
    private final Tabulation tabulation;

    RoundsConsoleController(RoundService rounds, DrawService draws, DrawAdjustments adjustments, BallotService ballots,
            Tabulation tabulation) {
        this.rounds = rounds;
        this.draws = draws;
        this.adjustments = adjustments;
        this.ballots = ballots;
        this.tabulation = tabulation;
    }

    @Operation(summary = "全部轮次及对阵、成绩进度和对阵中的冲突")
    @GetMapping("/contests/{contestId}/rounds")
    public Mono<List<DebateRoundView>> list(@PathVariable String contestId) {
        return tabulation.load(contestId).map(TabViews::rounds);
    }

    @Operation(summary = "新建轮次（预赛在前，淘汰赛在后）")
    @PostMapping("/contests/{contestId}/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<DebateRoundView> create(@PathVariable String contestId, @Valid @RequestBody SaveRound request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return rounds.create(contestId, request, user, ClientAddress.of(exchange)).flatMap(this::view);
    }

    @Operation(summary = "修改轮次名称、时间和辩题")
    @PutMapping("/rounds/{roundId}")
    public Mono<DebateRoundView> update(@PathVariable String roundId, @Valid @RequestBody SaveRound request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return rounds.update(roundId, request, user, ClientAddress.of(exchange)).flatMap(this::view);
    }

    @Operation(summary = "删除最后一轮（尚无评分表时）")
    @DeleteMapping("/rounds/{roundId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(@PathVariable String roundId, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return rounds.delete(roundId, user, ClientAddress.of(exchange));
    }

    @Operation(summary = "生成对阵：预赛按战绩配对（避免重复交手和同校对阵），淘汰赛按排名种子排位；并安排评委和场地")
    @PostMapping("/rounds/{roundId}/draw")
    public Mono<DebateRoundView> generate(@PathVariable String roundId, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return draws.generate(roundId, user, ClientAddress.of(exchange)).then(rounds.get(roundId)).flatMap(this::view);
    }

    @Operation(summary = "手动调整整轮对阵（队伍、场地、时间、评委）；冲突在结果中列出")
    @PutMapping("/rounds/{roundId}/draw")
    public Mono<DebateRoundView> edit(@PathVariable String roundId, @Valid @RequestBody EditDraw request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return adjustments.edit(roundId, request, user, ClientAddress.of(exchange)).then(rounds.get(roundId)).flatMap(this::view);
    }

    @Operation(summary = "公开或撤回本轮的对阵、辩题、成绩（审核人员或管理员）")
    @PutMapping("/rounds/{roundId}/release")
    @PreAuthorize("hasAnyRole('REVIEWER', 'ADMIN')")
    public Mono<DebateRoundView> release(@PathVariable String roundId, @RequestBody Release request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return rounds.release(roundId, request, user, ClientAddress.of(exchange)).flatMap(this::view);
    }

    @Operation(summary = "本场的专属辩题和比赛视频")
    @PutMapping("/matches/{matchId}")
    public Mono<DebateRoundView> details(@PathVariable String matchId, @Valid @RequestBody SaveMatchDetails request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return adjustments.details(matchId, request, user, ClientAddress.of(exchange))
                .flatMap(m -> rounds.get(m.roundId())).flatMap(this::view);
    }

    @Operation(summary = "评分表录入页：本场对阵、辩手、评分规则和已录入的评分表")
    @GetMapping("/matches/{matchId}/ballots")
    public Mono<BallotSheet> sheet(@PathVariable String matchId) {
        return sheetOf(matchId);
    }

    @Operation(summary = "录入或更正一位评委的评分表（更正需带版本号和原因，记入审计日志）")
    @PutMapping("/matches/{matchId}/ballots/{judgeId}")
    public Mono<BallotSheet> saveBallot(@PathVariable String matchId, @PathVariable String judgeId,
            @Valid @RequestBody SaveBallot request, @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return ballots.save(matchId, judgeId, request, user, ClientAddress.of(exchange)).then(sheetOf(matchId));
    }

    @Operation(summary = "删除一位评委的评分表（需填写原因，记入审计日志）")
    @DeleteMapping("/matches/{matchId}/ballots/{judgeId}")
    public Mono<BallotSheet> deleteBallot(@PathVariable String matchId, @PathVariable String judgeId,
            @RequestParam(required = false) String reason, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return ballots.delete(matchId, judgeId, reason, user, ClientAddress.of(exchange)).then(sheetOf(matchId));
    }

    private Mono<BallotSheet> sheetOf(String matchId) {
        return tabulation.matchTab(matchId).map(found -> TabViews.sheet(found.tab(), found.match()));
    }

    private Mono<DebateRoundView> view(Round round) {
        return tabulation.load(round.contestId()).map(tab -> TabViews.round(tab, tab.round(round.id())));
    }
}
