package cn.fasheng.debate;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fasheng.reach.ReachTarget;
import cn.fasheng.reach.ReachTargetSource;
import reactor.core.publisher.Mono;

/** A contest's public pages (overview, schedule, results, standings…) counted together as the contest's traffic. */
@Component
class DebateReach implements ReachTargetSource {

    private final ContestRepository contests;

    DebateReach(ContestRepository contests) {
        this.contests = contests;
    }

    @Override
    public ReachTarget target() {
        return ReachTarget.CONTEST;
    }

    @Override
    public Mono<Map<String, Page>> describe(Collection<String> ids) {
        return contests.findAllById(ids).collectMap(Contest::id,
                contest -> new Page(contest.id(), contest.name(), null, List.of(), "/debate/" + contest.slug()));
    }
}
