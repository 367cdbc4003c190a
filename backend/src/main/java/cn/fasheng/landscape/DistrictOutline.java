package cn.fasheng.landscape;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The district and its streets as polygons, read once from the bundled (or configured) GeoJSON. The offline map
 * is drawn from it and the bounding box every site must lie in is derived from it.
 */
@Component
public class DistrictOutline {

    /** A street (街道) or the district itself: its outer ring and where its name is written. */
    public record Area(String name, String shortName, List<LatLng> ring, LatLng label) {
    }

    private final List<Area> streets = new ArrayList<>();
    private final Area district;
    private final String attribution;
    private final DistrictBounds bounds;

    DistrictOutline(LandscapeProperties properties) {
        Resource resource = properties.outline() != null ? properties.outline()
                : new ClassPathResource("landscape/yangpu-outline.json");
        JsonNode root;
        try (InputStream in = resource.getInputStream()) {
            root = JsonMapper.builder().build().readTree(in);
        }
        catch (IOException e) {
            throw new IllegalStateException("读不出街道轮廓数据 " + resource, e);
        }
        Area whole = null;
        for (JsonNode feature : root.get("features")) {
            JsonNode props = feature.get("properties");
            List<LatLng> ring = new ArrayList<>();
            for (JsonNode point : feature.get("geometry").get("coordinates").get(0)) {
                ring.add(new LatLng(point.get(1).asDouble(), point.get(0).asDouble()));
            }
            String name = props.get("name").asString();
            LatLng label = props.has("labelLat") ? new LatLng(props.get("labelLat").asDouble(), props.get("labelLng").asDouble())
                    : centroid(ring);
            if ("district".equals(props.path("kind").asString(""))) {
                whole = new Area(name, name, ring, label);
            }
            else {
                streets.add(new Area(name, props.path("short").asString(name), ring, label));
            }
        }
        if (whole == null || streets.isEmpty()) {
            throw new IllegalStateException("街道轮廓数据缺少区界或街道：" + resource);
        }
        this.district = whole;
        this.attribution = root.path("attribution").asString("");
        double minLat = 90, maxLat = -90, minLng = 180, maxLng = -180;
        for (LatLng p : whole.ring()) {
            minLat = Math.min(minLat, p.lat());
            maxLat = Math.max(maxLat, p.lat());
            minLng = Math.min(minLng, p.lng());
            maxLng = Math.max(maxLng, p.lng());
        }
        this.bounds = new DistrictBounds(minLat, maxLat, minLng, maxLng).widen(properties.boundsMargin());
    }

    public List<Area> streets() {
        return streets;
    }

    public Area district() {
        return district;
    }

    public String attribution() {
        return attribution;
    }

    /** The bounding box a site must lie in: the outline's, widened by the configured margin. */
    public DistrictBounds bounds() {
        return bounds;
    }

    private static LatLng centroid(List<LatLng> ring) {
        return new LatLng(ring.stream().mapToDouble(LatLng::lat).average().orElse(0),
                ring.stream().mapToDouble(LatLng::lng).average().orElse(0));
    }
}
