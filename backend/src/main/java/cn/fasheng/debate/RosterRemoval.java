package cn.fasheng.debate;

import java.util.Collection;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Deletes a contest's documents, results first, so that nothing left behind refers to what is already gone. */
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

    Mono<Void> deleteAll(Collection<Ballot> ballotDocs, Collection<Match> matchDocs, Collection<Round> roundDocs,
            Collection<Team> teamDocs, Collection<School> schoolDocs, Collection<Judge> judgeDocs,
            Collection<Venue> venueDocs) {
        return ballots.deleteAll(ballotDocs).then(matches.deleteAll(matchDocs)).then(rounds.deleteAll(roundDocs))
                .then(teams.deleteAll(teamDocs)).then(schools.deleteAll(schoolDocs)).then(judges.deleteAll(judgeDocs))
                .then(venues.deleteAll(venueDocs));
    }
}
