package cn.fasheng.debate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.debate.DebateRequests.DebaterInput;
import cn.fasheng.debate.DebateRequests.SaveJudge;
import cn.fasheng.debate.DebateRequests.SaveSchool;
import cn.fasheng.debate.DebateRequests.SaveTeam;
import cn.fasheng.debate.DebateRequests.SaveVenue;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import reactor.core.publisher.Mono;

/**
 * Schools, teams with their debaters, judges and venues of a contest. What a match or a ballot already refers to
 * cannot be deleted (nor a debater who has scores), so no result ever loses its team, judge or speaker.
 */
@Service
class RosterService {

    private final Tabulation tabulation;
    private final SchoolRepository schools;
    private final TeamRepository teams;
    private final JudgeRepository judges;
    private final VenueRepository venues;
    private final DebateLive live;
    private final AuditLog audit;

    RosterService(Tabulation tabulation, SchoolRepository schools, TeamRepository teams, JudgeRepository judges,
            VenueRepository venues, DebateLive live, AuditLog audit) {
        this.tabulation = tabulation;
        this.schools = schools;
        this.teams = teams;
        this.judges = judges;
        this.venues = venues;
        this.live = live;
        this.audit = audit;
    }

    Mono<School> saveSchool(String contestId, String id, SaveSchool request, ConsolePrincipal user, String ip) {
        String name = request.name().strip();
        return tabulation.load(contestId).flatMap(tab -> {
            School existing = id == null ? null : found(tab.schools.get(id), "学校");
            stale(existing == null ? null : existing.version(), request.version(), "学校");
            if (tab.schools.values().stream().anyMatch(s -> s.name().equals(name) && !s.id().equals(id))) {
                return Mono.error(new InvalidRequestException("name", "已有同名学校"));
            }
            return schools.save(new School(id, contestId, name, existing == null ? null : existing.importId(),
                    existing == null ? null : existing.version())).onErrorMap(DuplicateKeyException.class, RosterService::duplicate);
        }).flatMap(saved -> changed(contestId, user, ip, "学校 " + saved.name()).thenReturn(saved));
    }

    Mono<Void> deleteSchool(String contestId, String id, ConsolePrincipal user, String ip) {
        return tabulation.load(contestId).flatMap(tab -> {
            School school = found(tab.schools.get(id), "学校");
            if (tab.teams.values().stream().anyMatch(t -> t.schoolId().equals(id))) {
                return Mono.error(new ConflictException("学校“" + school.name() + "”还有参赛队伍，请先删除队伍"));
            }
            return schools.delete(school).then(changed(contestId, user, ip, "删除学校 " + school.name()));
        });
    }

    Mono<Team> saveTeam(String contestId, String id, SaveTeam request, ConsolePrincipal user, String ip) {
        String name = request.name().strip();
        return tabulation.load(contestId).flatMap(tab -> {
            Team existing = id == null ? null : found(tab.teams.get(id), "队伍");
            stale(existing == null ? null : existing.version(), request.version(), "队伍");
            if (!tab.schools.containsKey(request.schoolId())) {
                return Mono.error(new InvalidRequestException("schoolId", "学校不存在"));
            }
            if (tab.teams.values().stream().anyMatch(t -> t.name().equals(name) && !t.id().equals(id))) {
                return Mono.error(new InvalidRequestException("name", "已有同名队伍"));
            }
            List<DebaterInput> inputs = request.debaters() == null ? List.of() : request.debaters();
            int needed = tab.contest.format().debatersPerTeam();
            if (inputs.size() < needed) {
                return Mono.error(new InvalidRequestException("debaters", "每队至少需要 " + needed + " 名辩手"));
            }
            List<Team.Debater> debaters = new ArrayList<>();
            for (DebaterInput input : inputs) {
                boolean known = existing != null && input.id() != null && existing.debater(input.id()) != null;
                debaters.add(new Team.Debater(known ? input.id() : new ObjectId().toHexString(), input.name().strip()));
            }
            if (existing != null) {
                Set<String> kept = new HashSet<>(debaters.stream().map(Team.Debater::id).toList());
                Set<String> scored = scoredDebaters(tab);
                for (Team.Debater before : existing.debaters()) {
                    if (!kept.contains(before.id()) && scored.contains(before.id())) {
                        return Mono.error(new ConflictException("辩手“" + before.name() + "”已有比赛成绩，不能移除"));
                    }
                }
                if (!existing.schoolId().equals(request.schoolId()) && inMatches(tab, id)) {
                    return Mono.error(new ConflictException("队伍已参加比赛，不能更换学校"));
                }
            }
            return teams.save(new Team(id, contestId, request.schoolId(), name, List.copyOf(debaters),
                    existing == null ? null : existing.importId(), existing == null ? null : existing.version()))
                    .onErrorMap(DuplicateKeyException.class, RosterService::duplicate);
        }).flatMap(saved -> changed(contestId, user, ip, "队伍 " + saved.name()).thenReturn(saved));
    }

    Mono<Void> deleteTeam(String contestId, String id, ConsolePrincipal user, String ip) {
        return tabulation.load(contestId).flatMap(tab -> {
            Team team = found(tab.teams.get(id), "队伍");
            if (inMatches(tab, id)) {
                return Mono.error(new ConflictException("队伍“" + team.name() + "”已在对阵中，不能删除"));
            }
            return teams.delete(team).then(changed(contestId, user, ip, "删除队伍 " + team.name()));
        });
    }

    Mono<Judge> saveJudge(String contestId, String id, SaveJudge request, ConsolePrincipal user, String ip) {
        return tabulation.load(contestId).flatMap(tab -> {
            Judge existing = id == null ? null : found(tab.judges.get(id), "评委");
            stale(existing == null ? null : existing.version(), request.version(), "评委");
            List<String> conflicts = request.conflictSchoolIds() == null ? List.of()
                    : request.conflictSchoolIds().stream().distinct().toList();
            for (String schoolId : conflicts) {
                if (!tab.schools.containsKey(schoolId)) {
                    return Mono.error(new InvalidRequestException("conflictSchoolIds", "回避的学校不存在"));
                }
            }
            return judges.save(new Judge(id, contestId, request.name().strip(), blankToNull(request.affiliation()),
                    conflicts, existing == null ? null : existing.version()));
        }).flatMap(saved -> changed(contestId, user, ip, "评委 " + saved.name()).thenReturn(saved));
    }

    Mono<Void> deleteJudge(String contestId, String id, ConsolePrincipal user, String ip) {
        return tabulation.load(contestId).flatMap(tab -> {
            Judge judge = found(tab.judges.get(id), "评委");
            boolean used = tab.rounds.stream().flatMap(r -> tab.matches(r).stream())
                    .anyMatch(m -> m.judgeIds() != null && m.judgeIds().contains(id));
            if (used) {
                return Mono.error(new ConflictException("评委“" + judge.name() + "”已被安排在比赛中，不能删除"));
            }
            return judges.delete(judge).then(changed(contestId, user, ip, "删除评委 " + judge.name()));
        });
    }

    Mono<Venue> saveVenue(String contestId, String id, SaveVenue request, ConsolePrincipal user, String ip) {
        return tabulation.load(contestId).flatMap(tab -> {
            Venue existing = id == null ? null : found(tab.venues.get(id), "场地");
            stale(existing == null ? null : existing.version(), request.version(), "场地");
            return venues.save(new Venue(id, contestId, request.name().strip(), blankToNull(request.address()),
                    existing == null ? null : existing.version()));
        }).flatMap(saved -> changed(contestId, user, ip, "场地 " + saved.name()).thenReturn(saved));
    }

    Mono<Void> deleteVenue(String contestId, String id, ConsolePrincipal user, String ip) {
        return tabulation.load(contestId).flatMap(tab -> {
            Venue venue = found(tab.venues.get(id), "场地");
            boolean used = tab.rounds.stream().flatMap(r -> tab.matches(r).stream()).anyMatch(m -> id.equals(m.venueId()));
            if (used) {
                return Mono.error(new ConflictException("场地“" + venue.name() + "”已被安排比赛，不能删除"));
            }
            return venues.delete(venue).then(changed(contestId, user, ip, "删除场地 " + venue.name()));
        });
    }

    private static Throwable duplicate(DuplicateKeyException e) {
        return new ConflictException("已有同名的学校或队伍（可能刚被他人添加），请刷新后重试");
    }

    private Mono<Void> changed(String contestId, ConsolePrincipal user, String ip, String detail) {
        return audit.record(user.username(), DebateAction.ROSTER_EDIT, contestId, ip, detail).then(live.changed(contestId));
    }

    private static boolean inMatches(ContestTab tab, String teamId) {
        return tab.rounds.stream().flatMap(r -> tab.matches(r).stream())
                .anyMatch(m -> teamId.equals(m.affirmativeTeamId()) || teamId.equals(m.negativeTeamId()));
    }

    private static Set<String> scoredDebaters(ContestTab tab) {
        Set<String> scored = new HashSet<>();
        tab.rounds.stream().flatMap(r -> tab.matches(r).stream()).flatMap(m -> tab.ballots(m).stream())
                .forEach(b -> b.scores().forEach(s -> scored.add(s.debaterId())));
        return scored;
    }

    /** An edit based on an older version (someone else saved meanwhile) is refused rather than undoing theirs. */
    private static void stale(Long current, Long based, String what) {
        if (current != null && based != null && !current.equals(based)) {
            throw new ConflictException(what + "已被他人修改，请刷新后重试");
        }
    }

    private static <T> T found(T value, String what) {
        if (value == null) {
            throw new NotFoundException(what + "不存在");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.strip() : null;
    }

}
