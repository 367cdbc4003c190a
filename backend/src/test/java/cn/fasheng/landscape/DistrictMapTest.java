package cn.fasheng.landscape;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline map: sites land on the street they are in, and tiles appear only when configured. */
class DistrictMapTest {

    @Test
    void aSiteIsDrawnInsideItsStreetsShape() {
        LandscapeProperties properties = new LandscapeProperties(null, 0, null, 0, null, 0);
        DistrictOutline outline = new DistrictOutline(properties);
        DistrictMap map = new DistrictMap(outline, properties);
        LatLng wujiaochang = new LatLng(31.2990, 121.5130);
        DistrictMap.MapView view = map.draw(List.of(new DistrictMap.Place("五角场某处", wujiaochang, "/landscape/x")), "五角场街道");
        DistrictMap.Marker marker = view.markers().get(0);
        assertThat(marker.number()).isEqualTo(1);
        DistrictOutline.Area street = outline.streets().stream().filter(a -> a.name().equals("五角场街道")).findFirst().orElseThrow();
        List<double[]> ring = street.ring().stream().map(map::project).toList();
        assertThat(inside(marker.x(), marker.y(), ring)).isTrue();
        assertThat(view.streets()).filteredOn(DistrictMap.StreetShape::selected).extracting(DistrictMap.StreetShape::name)
                .containsExactly("五角场街道");
        assertThat(view.tiles()).isEmpty();
    }

    @Test
    void configuredTilesCoverTheWholeDistrict() {
        LandscapeProperties properties = new LandscapeProperties(null, 0, "https://tiles.example/{z}/{x}/{y}.png", 13, "示例底图", 0);
        DistrictMap map = new DistrictMap(new DistrictOutline(properties), properties);
        DistrictMap.MapView view = map.draw(List.of(), null);
        assertThat(view.tiles()).isNotEmpty().allSatisfy(t -> assertThat(t.href()).matches("https://tiles.example/13/\\d+/\\d+\\.png"));
        double minX = view.tiles().stream().mapToDouble(DistrictMap.Tile::x).min().orElseThrow();
        double maxX = view.tiles().stream().mapToDouble(t -> t.x() + t.size()).max().orElseThrow();
        assertThat(minX).isLessThanOrEqualTo(0);
        assertThat(maxX).isGreaterThanOrEqualTo(DistrictMap.WIDTH);
        assertThat(view.attribution()).endsWith("底图：示例底图");
    }

    private static boolean inside(double x, double y, List<double[]> ring) {
        boolean in = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double[] a = ring.get(i);
            double[] b = ring.get(j);
            if ((a[1] > y) != (b[1] > y) && x < (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]) {
                in = !in;
            }
        }
        return in;
    }
}
