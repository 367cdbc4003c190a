package cn.fasheng.publishing;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the console sends about channel accounts and posts. Secrets are write-only: never echoed back. */
public final class PublishingRequests {

    private PublishingRequests() {
    }

    /** WeChat: AppID + AppSecret. Bilibili: the app's client_id + app_secret, then the consent of the bureau's user. */
    public record ConnectAccount(
            @Size(max = 40) String name,
            @NotBlank(message = "请填写 AppID / client_id") @Size(max = 128) String appId,
            @NotBlank(message = "请填写 AppSecret / app_secret") @Size(max = 256)
            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY, format = "password", example = "（不回显）") String appSecret) {

        @Override
        public String toString() {
            return "ConnectAccount[name=" + name + ", appId=" + appId + "]";
        }
    }

    public record Pause(boolean paused) {
    }

    /** Fields left out take the content's own (title, summary, tags, author, cover). */
    public record SavePost(
            @NotBlank(message = "请选择内容") String contentId,
            @NotNull(message = "请选择渠道") Channel channel,
            @NotNull(message = "请选择发布时间") Instant scheduledAt,
            PostFields fields) {
    }

    public record EditPost(@NotNull(message = "请选择发布时间") Instant scheduledAt, @NotNull PostFields fields) {
    }

    public record Reschedule(@NotNull(message = "请选择发布时间") Instant scheduledAt) {
    }

    /** Many items to several channels: the first at {@code start}, then one every {@code intervalMinutes}. */
    public record BulkSchedule(
            @NotEmpty(message = "请至少选择一项内容") @Size(max = 200) List<String> contentIds,
            @NotEmpty(message = "请至少选择一个渠道") List<Channel> channels,
            @NotNull(message = "请选择开始时间") Instant start,
            int intervalMinutes) {
    }
}
