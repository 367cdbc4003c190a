package cn.fasheng.debate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.debate.DebateRequests.SaveBallot;
import cn.fasheng.debate.DebateRequests.ScoreInput;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * Ballots as judges hand them in at the venue. Each is checked whole before it is stored (every speaking position
 * filled by a debater of that side, scores in range and on the step, no equal totals or low-point wins unless the
 * contest allows them); correcting one needs its version and a reason, and is recorded in the audit log.
 */
@Service
class BallotService {

    private final Tabulation tabulation;
    private final MatchRepository matches;
    private final BallotRepository ballots;
    private final DebateLive live;
    private final AuditLog audit;
    private final Clock clock;

    BallotService(Tabulation tabulation, MatchRepository matches, BallotRepository ballots, DebateLive live,
            AuditLog audit, Clock clock) {
        this.tabulation = tabulation;
        this.matches = matches;
        this.ballots = ballots;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<Ballot> save(String matchId, String judgeId, SaveBallot request, ConsolePrincipal user, String ip) {
        return match(matchId).flatMap(match -> tabulation.load(match.contestId()).flatMap(tab -> {
            Match m = tab.current(matchId);
            if (m == null) {
                throw new NotFoundException("这场比赛已不在当前对阵中，请刷新后查看");
            }
            if (m.judgeIds() == null || !m.judgeIds().contains(judgeId)) {
                throw new InvalidRequestException("judgeId", "该评委不在本场评委名单中");
            }
            List<Ballot.SpeakerScore> scores = check(tab, m, request);
            Ballot existing = tab.ballots(m).stream().filter(b -> b.judgeId().equals(judgeId)).findFirst().orElse(null);
            if (existing == null) {
                Ballot ballot = new Ballot(null, m.contestId(), m.id(), judgeId, request.winner(), scores,
                        request.bestDebaterId(), user.username(), clock.instant(), 0, null);
                guardKnockoutWinner(tab, m, null, ballot);
                return ballots.insert(ballot)
                        .onErrorMap(DuplicateKeyException.class, e -> new ConflictException("该评委的评分表刚刚已被录入，请刷新后查看"))
                        .flatMap(saved -> audit.record(user.username(), DebateAction.BALLOT_ENTER, m.id(), ip,
                                summary(tab, m, saved)).then(live.changed(m.contestId())).thenReturn(saved));
            }
            if (request.version() == null) {
                throw new ConflictException("该评委的评分表已录入；如需更正，请刷新后修改");
            }
            if (!Objects.equals(request.version(), existing.version())) {
                throw new ConflictException("评分表已被他人修改，请刷新后重试");
            }
            if (request.reason() == null || request.reason().isBlank()) {
                throw new InvalidRequestException("reason", "更正评分表需填写更正原因");
            }
            Ballot corrected = new Ballot(existing.id(), existing.contestId(), existing.matchId(), judgeId,
                    request.winner(), scores, request.bestDebaterId(), user.username(), clock.instant(),
                    existing.corrections() + 1, existing.version());
            guardKnockoutWinner(tab, m, existing, corrected);
            return ballots.save(corrected)
                    .onErrorMap(OptimisticLockingFailureException.class, e -> new ConflictException("评分表已被他人修改，请刷新后重试"))
                    .flatMap(saved -> audit.record(user.username(), DebateAction.BALLOT_CORRECT, m.id(), ip,
                            "原因：" + request.reason().strip() + "；原为 " + summary(tab, m, existing) + "；改为 " + summary(tab, m, saved))
                            .then(live.changed(m.contestId())).thenReturn(saved));
        }));
    }

    Mono<Void> delete(String matchId, String judgeId, String reason, ConsolePrincipal user, String ip) {
        if (reason == null || reason.isBlank()) {
            return Mono.error(new InvalidRequestException("reason", "删除评分表需填写原因"));
        }
        if (reason.length() > 200) {
            return Mono.error(new InvalidRequestException("reason", "原因不能超过 200 个字"));
        }
        return match(matchId).flatMap(m -> tabulation.load(m.contestId()).flatMap(tab -> {
            Ballot existing = tab.ballots(m).stream().filter(b -> b.judgeId().equals(judgeId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("该评委还没有评分表"));
            guardKnockoutWinner(tab, m, existing, null);
            return ballots.delete(existing)
                    .then(audit.record(user.username(), DebateAction.BALLOT_DELETE, m.id(), ip,
                            "原因：" + reason.strip() + "；原为 " + summary(tab, m, existing)))
                    .then(live.changed(m.contestId()));
        }));
    }

    private Mono<Match> match(String matchId) {
        return matches.findById(matchId).switchIfEmpty(Mono.error(() -> new NotFoundException("比赛不存在")));
    }

    private static List<Ballot.SpeakerScore> check(ContestTab tab, Match match, SaveBallot request) {
        Contest contest = tab.contest;
        int positions = contest.format().debatersPerTeam();
        Contest.ScoreRules rules = contest.scoring();
        List<Ballot.SpeakerScore> scores = new ArrayList<>();
        Set<String> filled = new HashSet<>();
        Set<String> speakers = new HashSet<>();
        for (Side side : Side.values()) {
            Team team = tab.teams.get(match.teamId(side));
            if (team != null && team.debaters().size() < positions) {
                throw new InvalidRequestException("scores", team.name() + "只有 " + team.debaters().size() + " 名辩手，少于每方 "
                        + positions + " 个辩位，请先在名单中补充");
            }
        }
        for (ScoreInput input : request.scores()) {
            String where = input.side().label() + input.position() + "辩";
            if (input.position() > positions) {
                throw new InvalidRequestException("scores", "本赛制每方只有 " + positions + " 个辩位");
            }
            if (!filled.add(input.side() + ":" + input.position())) {
                throw new InvalidRequestException("scores", where + "的得分填写了两次");
            }
            Team team = tab.teams.get(match.teamId(input.side()));
            Team.Debater debater = team == null ? null : team.debater(input.debaterId());
            if (debater == null) {
                throw new InvalidRequestException("scores", where + "须是" + (team == null ? "该方" : team.name()) + "的辩手");
            }
            if (!speakers.add(debater.id())) {
                throw new InvalidRequestException("scores", debater.name() + "不能同时担任两个辩位");
            }
            double score = input.score();
            double steps = (score - rules.min()) / rules.step();
            if (score < rules.min() || score > rules.max() || Math.abs(steps - Math.rint(steps)) > 1e-6) {
                throw new InvalidRequestException("scores", where + "（" + debater.name() + "）的得分须在 " + number(rules.min())
                        + "–" + number(rules.max()) + " 分之间，以 " + number(rules.step()) + " 分为一档");
            }
            scores.add(new Ballot.SpeakerScore(input.side(), input.position(), debater.id(), score));
        }
        if (filled.size() != positions * 2) {
            throw new InvalidRequestException("scores", "请为双方全部 " + positions * 2 + " 个辩位填写得分");
        }
        if (!speakers.contains(request.bestDebaterId())) {
            throw new InvalidRequestException("bestDebaterId", "最佳辩手须是本场上场的辩手");
        }
        double winner = total(scores, request.winner());
        double loser = total(scores, request.winner().other());
        if (Math.abs(winner - loser) < 1e-6 && !rules.allowTiedTotals()) {
            throw new InvalidRequestException("scores", "双方总分相同（" + number(winner) + "），本赛事不允许平分，请调整得分");
        }
        if (winner < loser - 1e-6 && !rules.allowLowPointWin()) {
            throw new InvalidRequestException("winner", "获胜方总分（" + number(winner) + "）低于对方（" + number(loser)
                    + "），本赛事不允许低分胜，请核对获胜方或得分");
        }
        scores.sort(java.util.Comparator.comparing(Ballot.SpeakerScore::side).thenComparingInt(Ballot.SpeakerScore::position));
        return scores;
    }

    /** A knockout result the next round is already drawn from cannot be turned around (nor undone). */
    private static void guardKnockoutWinner(ContestTab tab, Match match, Ballot before, Ballot after) {
        Round round = tab.round(match.roundId());
        if (round == null || !round.isKnockout()) {
            return;
        }
        boolean nextDrawn = tab.knockouts().stream().anyMatch(r -> r.seq() > round.seq() && !tab.matches(r).isEmpty());
        if (!nextDrawn) {
            return;
        }
        List<Ballot> changed = new ArrayList<>(tab.ballots(match).stream()
                .filter(b -> before == null || !b.id().equals(before.id())).toList());
        if (after != null) {
            changed.add(after);
        }
        if (!Objects.equals(MatchOutcome.of(match, changed).winner(), tab.outcome(match).winner())) {
            throw new ConflictException("下一轮对阵已按本场结果生成，不能改变本场胜负；请先删除下一轮对阵");
        }
    }

    private static double total(List<Ballot.SpeakerScore> scores, Side side) {
        return scores.stream().filter(s -> s.side() == side).mapToDouble(Ballot.SpeakerScore::score).sum();
    }

    private static String summary(ContestTab tab, Match match, Ballot ballot) {
        Team winner = tab.teams.get(match.teamId(ballot.winner()));
        return ballot.winner().label() + (winner == null ? "" : "（" + winner.name() + "）") + "胜 "
                + number(ballot.total(Side.AFFIRMATIVE)) + ":" + number(ballot.total(Side.NEGATIVE));
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
