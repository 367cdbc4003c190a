package cn.fasheng.debate;

import org.springframework.stereotype.Service;

import cn.fasheng.platform.error.NotFoundException;
import reactor.core.publisher.Mono;

/** Reads a contest whole (see {@link ContestTab}). */
@Service
class Tabulation {

    private final ContestRepository contests;
    private final SchoolRepository schools;
    private final TeamRepository teams;
    private final JudgeRepository judges;
    private final VenueRepository venues;
    private final RoundRepository rounds;
    private final MatchRepository matches;
    private final BallotRepository ballots;

    Tabulation(ContestRepository contests, SchoolRepository schools, TeamRepository teams, JudgeRepository judges,
            VenueRepository venues, RoundRepository rounds, MatchRepository matches, BallotRepository ballots) {
        this.contests = contests;
        this.schools = schools;
        this.teams = teams;
        this.judges = judges;
        this.venues = venues;
        this.rounds = rounds;
        this.matches = matches;
        this.ballots = ballots;
    }

    Mono<ContestTab> load(String contestId) {
        return contests.findById(contestId).switchIfEmpty(Mono.error(() -> new NotFoundException("辩论赛不存在")))
                .flatMap(this::load);
    }

    record MatchInTab(ContestTab tab, Match match) {
    }

    /** The contest of a match, read whole, with the match as read with it. */
    Mono<MatchInTab> matchTab(String matchId) {
        return matches.findById(matchId).switchIfEmpty(Mono.error(() -> new NotFoundException("比赛不存在")))
                .flatMap(m -> load(m.contestId()).flatMap(tab -> tab.current(matchId) == null
                        ? Mono.error(new NotFoundException("这场比赛已不在当前对阵中，请刷新后查看"))
                        : Mono.just(new MatchInTab(tab, tab.current(matchId)))));
    }

    Mono<ContestTab> load(Contest contest) {
        String id = contest.id();
        return Mono.zip(schools.findByContestId(id).collectList(), teams.findByContestId(id).collectList(),
                judges.findByContestId(id).collectList(), venues.findByContestId(id).collectList(),
                rounds.findByContestIdOrderBySeq(id).collectList(), matches.findByContestId(id).collectList(),
                ballots.findByContestId(id).collectList())
                .map(t -> new ContestTab(contest, t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), t.getT6(), t.getT7()));
    }
}
