package cn.fasheng.debate;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the console sends about the debate contest. */
public final class DebateRequests {

    private DebateRequests() {
    }

    public record SaveContest(
            @NotBlank(message = "请填写赛事名称") @Size(max = 60, message = "赛事名称不能超过 60 个字") String name,
            @NotBlank(message = "请填写届次或年度") @Size(max = 20, message = "届次不能超过 20 个字") String season,
            @Schema(description = "网址中的名称，留空则自动生成")
            @Pattern(regexp = "^$|^[a-z0-9]+(-[a-z0-9]+)*$", message = "地址名只能包含小写字母、数字和连字符")
            @Size(max = 60, message = "地址名不能超过 60 个字符") String slug,
            @Size(max = 2000, message = "简介不能超过 2000 个字") String description,
            @Schema(description = "赛制；省略则为中式辩论（四对四）") @Valid SaveFormat format,
            @Schema(description = "评分规则；省略则为 60–100 分、0.5 分一档") @Valid SaveScoring scoring,
            @NotNull(message = "请选择辩手姓名的公开方式") NamePolicy namePolicy,
            boolean ballotsPublic,
            @Min(value = 1, message = "预赛至少 1 轮") @Max(value = 12, message = "预赛最多 12 轮") int prelimRounds,
            @Schema(description = "晋级淘汰赛的队伍数：0（不设淘汰赛）或 2、4、8、16、32")
            @Min(value = 0, message = "晋级队伍数不能为负") @Max(value = 32, message = "晋级队伍数最多 32") int breakSize,
            @Min(value = 1, message = "每场至少 1 位评委") @Max(value = 9, message = "每场最多 9 位评委") int panelSize,
            @Schema(description = "排名依据，按先后比较：wins 胜场、ballots 得票、speaks 总分、margin 净胜分")
            @NotEmpty(message = "请至少选择一项排名依据") List<String> metrics,
            boolean published,
            @Schema(description = "修改时所基于的版本号；新建时省略") Long version) {
    }

    public record SaveFormat(
            @NotBlank(message = "请填写赛制名称") @Size(max = 30, message = "赛制名称不能超过 30 个字") String name,
            @Min(value = 1, message = "每队至少 1 名上场辩手") @Max(value = 8, message = "每队最多 8 名上场辩手") int debatersPerTeam,
            @Size(max = 30, message = "环节最多 30 个") List<@Valid SaveSpeech> speeches) {
    }

    public record SaveSpeech(
            @NotBlank(message = "请填写环节名称") @Size(max = 30, message = "环节名称不能超过 30 个字") String label,
            @Schema(description = "发言方；省略为双方（如自由辩论）") Side side,
            @Min(value = 0, message = "辩位不能为负") int position,
            @Min(value = 10, message = "环节时长至少 10 秒") @Max(value = 3600, message = "环节时长不能超过 1 小时") int seconds) {
    }

    public record SaveScoring(double min, double max, double step, boolean allowTiedTotals, boolean allowLowPointWin) {
    }

    public record SaveSchool(@NotBlank(message = "请填写学校名称") @Size(max = 40, message = "学校名称不能超过 40 个字") String name,
            @Schema(description = "修改时所基于的版本号") Long version) {
    }

    public record SaveTeam(
            @NotBlank(message = "请选择学校") String schoolId,
            @NotBlank(message = "请填写队伍名称") @Size(max = 40, message = "队伍名称不能超过 40 个字") String name,
            @Size(max = 12, message = "每队最多 12 名辩手") List<@Valid DebaterInput> debaters,
            @Schema(description = "修改时所基于的版本号") Long version) {
    }

    public record DebaterInput(@Schema(description = "已有辩手的编号；新辩手省略") String id,
            @NotBlank(message = "请填写辩手姓名") @Size(max = 20, message = "辩手姓名不能超过 20 个字") String name) {
    }

    public record SaveJudge(
            @NotBlank(message = "请填写评委姓名") @Size(max = 20, message = "评委姓名不能超过 20 个字") String name,
            @Size(max = 60, message = "单位不能超过 60 个字") String affiliation,
            @Schema(description = "需回避的学校（含评委所在学校）") List<String> conflictSchoolIds,
            @Schema(description = "修改时所基于的版本号") Long version) {
    }

    public record SaveVenue(
            @NotBlank(message = "请填写场地名称") @Size(max = 40, message = "场地名称不能超过 40 个字") String name,
            @Size(max = 100, message = "地址不能超过 100 个字") String address,
            @Schema(description = "修改时所基于的版本号") Long version) {
    }

    public record MotionInput(
            @Size(max = 100, message = "辩题不能超过 100 个字") String text,
            @Size(max = 100, message = "正方持方不能超过 100 个字") String affirmative,
            @Size(max = 100, message = "反方持方不能超过 100 个字") String negative) {
    }

    public record SaveRound(
            @Schema(description = "省略则自动命名（第一轮…；半决赛…）")
            @Size(max = 30, message = "轮次名称不能超过 30 个字") String name,
            @NotNull(message = "请选择预赛或淘汰赛") RoundStage stage,
            @Schema(example = "2026-12-05T09:00:00+08:00") OffsetDateTime startsAt,
            @Valid MotionInput motion,
            @Schema(description = "修改时所基于的版本号；新建时省略") Long version) {
    }

    public record MatchEdit(
            @NotBlank(message = "缺少比赛编号") String id,
            @NotBlank(message = "请选择正方队伍") String affirmativeTeamId,
            @NotBlank(message = "请选择反方队伍") String negativeTeamId,
            String venueId,
            OffsetDateTime startsAt,
            @Size(max = 9, message = "每场最多 9 位评委") List<String> judgeIds,
            @Schema(description = "所基于的版本号") Long version) {
    }

    public record EditDraw(@NotNull(message = "缺少对阵") List<@Valid MatchEdit> matches,
            @Schema(description = "所基于的轮次版本号") Long version) {
    }

    public record SaveMatchDetails(@Valid MotionInput motion,
            @Schema(description = "本场比赛视频（已发布的视频内容）") String videoContentId,
            @Schema(description = "所基于的版本号") Long version) {
    }

    public record Release(Boolean draw, Boolean motion, Boolean results,
            @Schema(description = "所基于的轮次版本号") Long version) {
    }

    public record ScoreInput(@NotNull(message = "缺少持方") Side side,
            @Min(value = 1, message = "辩位从 1 开始") int position,
            @NotBlank(message = "请选择上场辩手") String debaterId,
            double score) {
    }

    public record SaveBallot(
            @NotNull(message = "请选择获胜方") Side winner,
            @NotEmpty(message = "请填写辩手得分") List<@Valid ScoreInput> scores,
            @NotBlank(message = "请选择最佳辩手") String bestDebaterId,
            @Schema(description = "修改已有评分表时所基于的版本号；首次录入省略") Long version,
            @Schema(description = "更正原因（修改已有评分表时必填）")
            @Size(max = 200, message = "更正原因不能超过 200 个字") String reason) {
    }
}
