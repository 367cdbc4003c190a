package cn.fasheng.debate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.platform.error.FileRowsException;
import cn.fasheng.platform.error.FileRowsException.RowError;
import cn.fasheng.platform.error.ConflictException;
import reactor.core.publisher.Mono;

/**
 * Imports schools, teams and debaters from the roster file, all or nothing: every row is checked first (also
 * against teams already entered); if a write fails halfway, what this import wrote is removed again.
 */
@Service
class RosterImport {

    record ImportOutcome(int schoolsCreated, int teamsCreated, int debaters) {
    }

    private final Tabulation tabulation;
    private final SchoolRepository schools;
    private final TeamRepository teams;
    private final DebateLive live;
    private final AuditLog audit;

    RosterImport(Tabulation tabulation, SchoolRepository schools, TeamRepository teams, DebateLive live, AuditLog audit) {
        this.tabulation = tabulation;
        this.schools = schools;
        this.teams = teams;
        this.live = live;
        this.audit = audit;
    }

    Mono<ImportOutcome> importCsv(String contestId, byte[] file, ConsolePrincipal user, String ip) {
        return tabulation.load(contestId).flatMap(tab -> {
            RosterCsv.Parsed parsed = RosterCsv.parse(file, tab.contest.format().debatersPerTeam());
            List<RowError> errors = new ArrayList<>(parsed.errors());
            for (RosterCsv.TeamRow row : parsed.rows()) {
                if (tab.teams.values().stream().anyMatch(t -> t.name().equals(row.team()))) {
                    errors.add(new RowError(row.row(), "队伍", "已有同名队伍“" + row.team() + "”"));
                }
            }
            if (!errors.isEmpty()) {
                errors.sort(java.util.Comparator.comparingInt(RowError::row));
                return Mono.error(new FileRowsException("名单文件有误", errors));
            }
            String importId = new ObjectId().toHexString();
            Map<String, String> schoolIds = new HashMap<>();
            tab.schools.values().forEach(s -> schoolIds.put(s.name(), s.id()));
            List<School> newSchools = new ArrayList<>();
            for (RosterCsv.TeamRow row : parsed.rows()) {
                if (!schoolIds.containsKey(row.school())) {
                    String id = new ObjectId().toHexString();
                    schoolIds.put(row.school(), id);
                    newSchools.add(new School(id, contestId, row.school(), importId, null));
                }
            }
            List<Team> newTeams = parsed.rows().stream().map(row -> new Team(null, contestId, schoolIds.get(row.school()),
                    row.team(), row.debaters().stream().map(n -> new Team.Debater(new ObjectId().toHexString(), n)).toList(),
                    importId, null)).toList();
            int debaters = newTeams.stream().mapToInt(t -> t.debaters().size()).sum();
            return schools.insert(newSchools).thenMany(teams.insert(newTeams)).then()
                    .onErrorResume(e -> schools.deleteByImportId(importId).then(teams.deleteByImportId(importId))
                            .then(Mono.error(e instanceof DuplicateKeyException
                                    ? new ConflictException("名单中的学校或队伍刚刚已被他人添加，未导入任何数据，请刷新后重试") : e)))
                    .then(audit.record(user.username(), DebateAction.ROSTER_IMPORT, contestId, ip,
                            newTeams.size() + " 支队伍，" + debaters + " 名辩手"))
                    .then(live.changed(contestId))
                    .thenReturn(new ImportOutcome(newSchools.size(), newTeams.size(), debaters));
        });
    }
}
