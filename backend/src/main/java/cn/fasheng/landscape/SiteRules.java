package cn.fasheng.landscape;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import cn.fasheng.content.HtmlSanitizer;
import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.landscape.LandscapeRequests.CoordinatesInput;
import cn.fasheng.landscape.LandscapeRequests.Datum;
import cn.fasheng.landscape.LandscapeRequests.PhotoInput;
import cn.fasheng.landscape.LandscapeRequests.SaveSite;

/**
 * The checks a site passes before it is stored, whether typed in the editor or imported from a file: filed under a
 * listed street and category, inside the district, pictures of our own, and a usable address name. Answers every
 * problem at once so that an import can report a row's mistakes together.
 */
@Component
class SiteRules {

    /** A mistake, named by the request field it concerns. */
    record Problem(String field, String message) {
    }

    static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    static final int MAX_RELATED = 12;

    private final DistrictOutline outline;
    private final LandscapeProperties properties;
    private final HtmlSanitizer sanitizer;

    SiteRules(DistrictOutline outline, LandscapeProperties properties, HtmlSanitizer sanitizer) {
        this.outline = outline;
        this.properties = properties;
        this.sanitizer = sanitizer;
    }

    List<Problem> problems(SaveSite r, LandscapeCatalog catalog) {
        List<Problem> problems = new ArrayList<>();
        if (StringUtils.hasText(r.street()) && !catalog.streets().contains(r.street().strip())) {
            problems.add(new Problem("street", "“" + r.street().strip() + "”不在街道列表中"));
        }
        if (StringUtils.hasText(r.category()) && !catalog.categories().contains(r.category().strip())) {
            problems.add(new Problem("category", "“" + r.category().strip() + "”不在类别列表中"));
        }
        if (r.coordinates() != null && r.coordinates().lat() != null && r.coordinates().lng() != null
                && r.coordinates().datum() != null) {
            LatLng wgs = wgs84(r.coordinates());
            if (!outline.bounds().contains(wgs)) {
                problems.add(new Problem("coordinates", String.format("坐标（%s）不在杨浦区范围内（%s），请检查经纬度是否填反、坐标系是否选对",
                        describe(r.coordinates()), outline.bounds().describe())));
            }
        }
        if (StringUtils.hasText(r.slug()) && (!SLUG.matcher(r.slug().strip()).matches() || r.slug().strip().length() < 2)) {
            problems.add(new Problem("slug", "地址名只能用小写字母、数字和连字符，至少 2 个字符"));
        }
        List<PhotoInput> photos = r.photos() == null ? List.of() : r.photos();
        if (photos.size() > properties.maxPhotos()) {
            problems.add(new Problem("photos", "每处微景观最多 " + properties.maxPhotos() + " 张照片"));
        }
        for (PhotoInput photo : photos) {
            // The derived JPEGs, as the upload answered them: posters embed the large one, which must be a JPEG.
            if (!sanitizer.isOwnImage(photo.url()) || !sanitizer.isOwnImage(photo.thumbUrl()) || !photo.thumbUrl().endsWith("-480.jpg")
                    || !sanitizer.isOwnImage(photo.largeUrl()) || !photo.largeUrl().endsWith("-1280.jpg")) {
                problems.add(new Problem("photos", "照片须通过本站上传"));
                break;
            }
        }
        if (r.openedOn() != null && r.openedOn().isAfter(LocalDate.now(ShanghaiTime.ZONE))) {
            problems.add(new Problem("openedOn", "建成日期不能晚于今天"));
        }
        if (r.relatedContentIds() != null && r.relatedContentIds().size() > MAX_RELATED) {
            problems.add(new Problem("relatedContentIds", "最多关联 " + MAX_RELATED + " 篇内容"));
        }
        return problems;
    }

    static LatLng wgs84(CoordinatesInput input) {
        LatLng given = new LatLng(input.lat(), input.lng());
        return input.datum() == Datum.GCJ02 ? ChinaCoordinates.gcjToWgs(given) : given;
    }

    String cleanDescription(String html) {
        return sanitizer.clean(html);
    }

    private static String describe(CoordinatesInput c) {
        return String.format("纬度 %.6f，经度 %.6f，%s", c.lat(), c.lng(), c.datum() == Datum.GCJ02 ? "GCJ-02" : "WGS-84");
    }
}
