package cn.fasheng.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Draws the district as an SVG (Web Mercator, so that optional tiles line up): the streets from the bundled
 * outline, the sites as numbered markers. Needs no tile server; with one configured its tiles lie beneath.
 */
@Component
public class DistrictMap {

    static final double WIDTH = 1000;

    /** A street's outline as an SVG path; {@code selected} when the directory is filtered to it. */
    public record StreetShape(String name, String shortName, String path, double labelX, double labelY, boolean selected) {
    }

    /** A site on the map, numbered as in the list beside it. */
    public record Marker(int number, String name, String href, double x, double y) {
    }

    public record Tile(String href, double x, double y, double size) {
    }

    /** Everything the template needs; {@code viewBox} is "0 0 1000 h". */
    public record MapView(String viewBox, String districtPath, List<StreetShape> streets, List<Marker> markers,
            List<Tile> tiles, String attribution) {

        /** A map with links is a group of them; one without (a site's locator) is a picture. */
        public String role() {
            return markers.stream().anyMatch(m -> m.href() != null) ? "group" : "img";
        }
    }

    /** What to mark: a site's position, name and page. */
    public record Place(String name, LatLng at, String href) {
    }

    private final DistrictOutline outline;
    private final LandscapeProperties properties;
    private final double minX;
    private final double minY;
    private final double scale;
    private final double height;

    DistrictMap(DistrictOutline outline, LandscapeProperties properties) {
        this.outline = outline;
        this.properties = properties;
        DistrictBounds box = outline.bounds();
        minX = mercatorX(box.minLng());
        minY = mercatorY(box.maxLat());
        scale = WIDTH / (mercatorX(box.maxLng()) - minX);
        height = Math.ceil((mercatorY(box.minLat()) - minY) * scale);
    }

    public MapView draw(List<Place> places, String selectedStreet) {
        List<StreetShape> streets = new ArrayList<>();
        for (DistrictOutline.Area area : outline.streets()) {
            double[] label = project(area.label());
            streets.add(new StreetShape(area.name(), area.shortName(), path(area.ring()), round(label[0]), round(label[1]),
                    area.name().equals(selectedStreet)));
        }
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            Place place = places.get(i);
            double[] xy = project(place.at());
            markers.add(new Marker(i + 1, place.name(), place.href(), round(xy[0]), round(xy[1])));
        }
        String attribution = outline.attribution();
        if (!properties.tileUrl().isEmpty() && !properties.tileAttribution().isBlank()) {
            attribution = attribution + "；底图：" + properties.tileAttribution();
        }
        return new MapView("0 0 " + (int) WIDTH + " " + (int) height, path(outline.district().ring()), streets, markers,
                tiles(), attribution);
    }

    /** Map coordinates of a point, in the SVG's units. */
    double[] project(LatLng p) {
        return new double[] {(mercatorX(p.lng()) - minX) * scale, (mercatorY(p.lat()) - minY) * scale};
    }

    private List<Tile> tiles() {
        if (properties.tileUrl().isEmpty()) {
            return List.of();
        }
        int zoom = properties.tileZoom();
        double tiles = Math.pow(2, zoom);
        DistrictBounds box = outline.bounds();
        int x0 = (int) Math.floor(mercatorX(box.minLng()) * tiles);
        int x1 = (int) Math.floor(mercatorX(box.maxLng()) * tiles);
        int y0 = (int) Math.floor(mercatorY(box.maxLat()) * tiles);
        int y1 = (int) Math.floor(mercatorY(box.minLat()) * tiles);
        double size = scale / tiles;
        List<Tile> list = new ArrayList<>();
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                String href = properties.tileUrl().replace("{z}", Integer.toString(zoom))
                        .replace("{x}", Integer.toString(x)).replace("{y}", Integer.toString(y));
                list.add(new Tile(href, round((x / tiles - minX) * scale), round((y / tiles - minY) * scale), round(size)));
            }
        }
        return list;
    }

    private String path(List<LatLng> ring) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < ring.size(); i++) {
            double[] xy = project(ring.get(i));
            d.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", xy[0], xy[1]));
        }
        return d.append("Z").toString();
    }

    /** Web Mercator x of a longitude, as a fraction of the world's width. */
    static double mercatorX(double lng) {
        return (lng + 180) / 360;
    }

    static double mercatorY(double lat) {
        double rad = Math.toRadians(lat);
        return (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
