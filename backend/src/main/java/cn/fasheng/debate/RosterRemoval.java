package cn.fasheng.debate;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Deletes everything of a contest, results first, so that nothing left behind refers to what is already gone
 * (matches of replaced draws included).
 */
@Component
class RosterRemoval {

    private final BallotRepository ballots;
    private final MatchRepository matches;
    private final RoundRepository rounds;
    private final TeamRepository teams;
    private final SchoolRepository schools;
    private final JudgeRepository judges;
    private final VenueRepository venues;

    RosterRemoval(BallotRepository ballots, MatchRepository matches, RoundRepository rounds, TeamRepository teams,
            SchoolRepository schools, JudgeRepository judges, VenueRepository venues) {
        this.ballots = ballots;
        this.matches = matches;
        this.rounds = rounds;
        this.teams = teams;
        this.schools = schools;
        this.judges = judges;
        this.venues = venues;
    }

    Mono<Void> deleteAll(String contestId) {
        return ballots.deleteByContestId(contestId).then(matches.deleteByContestId(contestId))
                .then(rounds.deleteByContestId(contestId)).then(teams.deleteByContestId(contestId))
                .then(schools.deleteByContestId(contestId)).then(judges.deleteByContestId(contestId))
                .then(venues.deleteByContestId(contestId));
    }
}
