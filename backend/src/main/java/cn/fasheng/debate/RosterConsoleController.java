package cn.fasheng.debate;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.debate.DebateRequests.SaveJudge;
import cn.fasheng.debate.DebateRequests.SaveSchool;
import cn.fasheng.debate.DebateRequests.SaveTeam;
import cn.fasheng.debate.DebateRequests.SaveVenue;
import cn.fasheng.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** Adding, changing and removing schools, teams, judges and venues one at a time; answers the saved item's id. */
@Tag(name = "辩论赛")
@RestController
@RequestMapping("/api/console/debate/contests/{contestId}")
public class RosterConsoleController {

    private final RosterService roster;

    RosterConsoleController(RosterService roster) {
        this.roster = roster;
    }

    public record DebateSavedId(String id) {
    }

    @Operation(summary = "新增学校")
    @PostMapping("/schools")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<DebateSavedId> addSchool(@PathVariable String contestId, @Valid @RequestBody SaveSchool request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.saveSchool(contestId, null, request, user, ClientAddress.of(exchange)).map(s -> new DebateSavedId(s.id()));
    }

    @Operation(summary = "修改学校")
    @PutMapping("/schools/{id}")
    public Mono<DebateSavedId> saveSchool(@PathVariable String contestId, @PathVariable String id,
            @Valid @RequestBody SaveSchool request, @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.saveSchool(contestId, id, request, user, ClientAddress.of(exchange)).map(s -> new DebateSavedId(s.id()));
    }

    @Operation(summary = "删除没有队伍的学校")
    @DeleteMapping("/schools/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> deleteSchool(@PathVariable String contestId, @PathVariable String id,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.deleteSchool(contestId, id, user, ClientAddress.of(exchange));
    }

    @Operation(summary = "新增队伍")
    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<DebateSavedId> addTeam(@PathVariable String contestId, @Valid @RequestBody SaveTeam request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.saveTeam(contestId, null, request, user, ClientAddress.of(exchange)).map(t -> new DebateSavedId(t.id()));
    }

    @Operation(summary = "修改队伍及辩手（已有成绩的辩手不能移除）")
    @PutMapping("/teams/{id}")
    public Mono<DebateSavedId> saveTeam(@PathVariable String contestId, @PathVariable String id,
            @Valid @RequestBody SaveTeam request, @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.saveTeam(contestId, id, request, user, ClientAddress.of(exchange)).map(t -> new DebateSavedId(t.id()));
    }

    @Operation(summary = "删除尚未安排比赛的队伍")
    @DeleteMapping("/teams/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> deleteTeam(@PathVariable String contestId, @PathVariable String id,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.deleteTeam(contestId, id, user, ClientAddress.of(exchange));
    }

    @Operation(summary = "新增评委")
    @PostMapping("/judges")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<DebateSavedId> addJudge(@PathVariable String contestId, @Valid @RequestBody SaveJudge request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.saveJudge(contestId, null, request, user, ClientAddress.of(exchange)).map(j -> new DebateSavedId(j.id()));
    }

    @Operation(summary = "修改评委及回避学校")
    @PutMapping("/judges/{id}")
    public Mono<DebateSavedId> saveJudge(@PathVariable String contestId, @PathVariable String id,
            @Valid @RequestBody SaveJudge request, @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.saveJudge(contestId, id, request, user, ClientAddress.of(exchange)).map(j -> new DebateSavedId(j.id()));
    }

    @Operation(summary = "删除尚未安排比赛的评委")
    @DeleteMapping("/judges/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> deleteJudge(@PathVariable String contestId, @PathVariable String id,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.deleteJudge(contestId, id, user, ClientAddress.of(exchange));
    }

    @Operation(summary = "新增场地")
    @PostMapping("/venues")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<DebateSavedId> addVenue(@PathVariable String contestId, @Valid @RequestBody SaveVenue request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.saveVenue(contestId, null, request, user, ClientAddress.of(exchange)).map(v -> new DebateSavedId(v.id()));
    }

    @Operation(summary = "修改场地")
    @PutMapping("/venues/{id}")
    public Mono<DebateSavedId> saveVenue(@PathVariable String contestId, @PathVariable String id,
            @Valid @RequestBody SaveVenue request, @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.saveVenue(contestId, id, request, user, ClientAddress.of(exchange)).map(v -> new DebateSavedId(v.id()));
    }

    @Operation(summary = "删除尚未安排比赛的场地")
    @DeleteMapping("/venues/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> deleteVenue(@PathVariable String contestId, @PathVariable String id,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return roster.deleteVenue(contestId, id, user, ClientAddress.of(exchange));
    }
}
