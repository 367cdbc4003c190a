package cn.fasheng.content;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the console sends about content. */
public final class ContentRequests {

    private ContentRequests() {
    }

    public record SaveContent(
            @Schema(description = "新建时必填；之后不能修改") ContentKind kind,
            @NotBlank(message = "请填写标题") @Size(max = 80, message = "标题不能超过 80 个字") String title,
            @Schema(description = "网址中的名称，留空则自动生成")
            @Pattern(regexp = "^$|^[a-z0-9]+(-[a-z0-9]+)*$", message = "地址名只能包含小写字母、数字和连字符")
            @Size(max = 80, message = "地址名不能超过 80 个字符") String slug,
            @Size(max = 300, message = "摘要不能超过 300 个字") String summary,
            String coverUrl,
            @Size(max = 400_000, message = "正文过长") String body,
            @Size(max = 5, message = "专题最多选择 5 个") List<String> topics,
            @Size(max = 12, message = "标签最多 12 个") List<@Size(max = 20, message = "每个标签不能超过 20 个字") String> tags,
            @Size(max = 60, message = "来源不能超过 60 个字") String source,
            String mediaAssetId,
            @Size(max = 200, message = "文件名过长") String mediaName,
            @Schema(description = "编辑时所基于的版本号；新建时省略") Long version) {
    }

    public record Decision(@Size(max = 1000, message = "意见不能超过 1000 个字") String comment) {
    }

    public record Schedule(
            @NotNull(message = "请选择发布时间") @Schema(example = "2026-12-01T09:00:00+08:00") OffsetDateTime publishAt,
            @Schema(description = "可选：到时自动下线") OffsetDateTime unpublishAt) {
    }

    public record Unpublish(@Schema(description = "下线时间；省略则立即下线") OffsetDateTime at) {
    }

    public record Feature(boolean featured) {
    }

    public record Restore(@NotNull(message = "缺少版本号") Long version) {
    }

    public enum BulkAction { SUBMIT, WITHDRAW, PUBLISH, UNPUBLISH, DELETE }

    public record Bulk(@NotEmpty(message = "请至少选择一项") @Size(max = 200, message = "一次最多处理 200 项") List<String> ids,
            @NotNull(message = "请选择操作") BulkAction action) {
    }

    public record SaveTopic(
            @NotBlank(message = "请填写专题名称") @Size(max = 30, message = "专题名称不能超过 30 个字") String name,
            @NotBlank(message = "请填写地址名")
            @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "地址名只能包含小写字母、数字和连字符")
            @Size(max = 60, message = "地址名不能超过 60 个字符") String slug,
            @Size(max = 200, message = "说明不能超过 200 个字") String description,
            int position,
            Long version) {
    }
}
