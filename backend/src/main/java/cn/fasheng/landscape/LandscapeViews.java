package cn.fasheng.landscape;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the console reads about micro-landscapes. */
public final class LandscapeViews {

    private LandscapeViews() {
    }

    public record LandscapeSiteView(String id, String slug, String code, String name, String street, String category,
            String address, LatLng location, String descriptionHtml, List<LandscapeSite.SitePhoto> photos,
            String openingHours, LandscapeSite.Accessibility access, LocalDate openedOn, SiteStatus status,
            String statusLabel, List<String> relatedContentIds, boolean published, String publicPath, String shortPath,
            long scans, Instant updatedAt, Long version) {

        static LandscapeSiteView of(LandscapeSite s, long scans) {
            return new LandscapeSiteView(s.id(), s.slug(), s.code(), s.name(), s.street(), s.category(), s.address(),
                    s.location(), s.descriptionHtml(), s.photos(), s.openingHours(), s.access(), s.openedOn(), s.status(),
                    s.status().label(), s.relatedContentIds(), s.published(), s.path(), s.shortPath(), scans,
                    s.updatedAt(), s.version());
        }
    }

    public record LandscapeCatalogView(List<String> streets, List<String> categories, String bounds, Long version) {
    }

    /** An uploaded photo, ready to be put on a site. */
    public record LandscapePhotoUpload(String url, String thumbUrl, String largeUrl, int width, int height) {
    }

    public record LandscapeImportOutcome(int imported, List<String> names) {
    }
}
