package cn.fasheng.landscape;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the console sends about micro-landscapes. */
public final class LandscapeRequests {

    private LandscapeRequests() {
    }

    /** The datum coordinates are given in: map pickers in China (高德, 腾讯) give GCJ-02, GPS gives WGS-84. */
    public enum Datum {
        WGS84, GCJ02
    }

    public record CoordinatesInput(@NotNull(message = "请填写纬度") Double lat, @NotNull(message = "请填写经度") Double lng,
            @NotNull(message = "请选择坐标系") Datum datum) {
    }

    public record PhotoInput(@NotBlank String url, @NotBlank String thumbUrl, @NotBlank String largeUrl,
            @Size(max = 100, message = "图片说明不能超过 100 个字") String alt) {
    }

    public record AccessInput(boolean stepFree, boolean seating, boolean accessibleToilet,
            @Size(max = 300, message = "无障碍说明不能超过 300 个字") String notes) {
    }

    /**
     * A site as the editor saves it. An empty slug keeps the current one (or, for a new site, uses its short code);
     * {@code published} may only be changed by reviewers and administrators.
     */
    public record SaveSite(@NotBlank(message = "请填写名称") @Size(max = 60, message = "名称不能超过 60 个字") String name,
            @Size(max = 60) String slug, @NotBlank(message = "请选择街道") String street,
            @NotBlank(message = "请选择类别") String category,
            @NotBlank(message = "请填写地址") @Size(max = 120, message = "地址不能超过 120 个字") String address,
            @NotNull(message = "请填写坐标") @Valid CoordinatesInput coordinates,
            @Size(max = 20000, message = "简介过长") String descriptionHtml, List<@NotNull @Valid PhotoInput> photos,
            @Size(max = 200, message = "开放时间不能超过 200 个字") String openingHours, @Valid AccessInput access,
            LocalDate openedOn, @NotNull(message = "请选择状态") SiteStatus status, List<@NotBlank String> relatedContentIds,
            boolean published, Long version) {
    }

    public record SaveCatalog(@NotNull List<String> streets, @NotNull List<String> categories, Long version) {
    }
}
