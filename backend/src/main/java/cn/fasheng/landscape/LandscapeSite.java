package cn.fasheng.landscape;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A neighbourhood legal micro-landscape (家门口法治微景观). {@code location} is WGS-84. {@code code} is the short
 * address printed in its QR code and never changes; {@code formerSlugs} keep old links working after a rename.
 */
@Document("landscape_sites")
public record LandscapeSite(@Id String id, @Indexed(unique = true) String slug, @Indexed(unique = true) String code,
        @Indexed List<String> formerSlugs, String name, @Indexed String street, String category, String address,
        LatLng location, String descriptionHtml, List<SitePhoto> photos, String openingHours, Accessibility access,
        LocalDate openedOn, SiteStatus status, List<String> relatedContentIds, boolean published, Instant createdAt,
        Instant updatedAt, @Version Long version) {

    /** A photo: the original as uploaded, a 480 px thumbnail and a 1280 px JPEG for pages and posters. */
    public record SitePhoto(String url, String thumbUrl, String largeUrl, String alt) {
    }

    /** What visitors with limited mobility need to know before going. */
    public record Accessibility(boolean stepFree, boolean seating, boolean accessibleToilet, String notes) {

        public boolean any() {
            return stepFree || seating || accessibleToilet || (notes != null && !notes.isBlank());
        }
    }

    public SitePhoto cover() {
        return photos == null || photos.isEmpty() ? null : photos.get(0);
    }

    public String path() {
        return "/landscape/" + slug;
    }

    public String shortPath() {
        return "/s/" + code;
    }
}
