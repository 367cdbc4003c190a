package cn.fasheng.landscape;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounding box every site must lie in, derived from the bundled outline of 杨浦区. */
class DistrictBoundsTest {

    private final DistrictOutline outline = new DistrictOutline(new LandscapeProperties(null, 0, null, 0, null, 0));

    @Test
    void placesInTheDistrictAreInside() {
        DistrictBounds box = outline.bounds();
        assertThat(box.contains(new LatLng(31.2990, 121.5140))).as("五角场").isTrue();
        assertThat(box.contains(new LatLng(31.2840, 121.5020))).as("同济大学").isTrue();
        assertThat(box.contains(new LatLng(31.2665, 121.5330))).as("杨浦大桥浦西桥头").isTrue();
        assertThat(box.contains(new LatLng(31.3290, 121.5050))).as("新江湾城").isTrue();
    }

    @Test
    void placesElsewhereOrTypedWrongAreOutside() {
        DistrictBounds box = outline.bounds();
        assertThat(box.contains(new LatLng(31.2304, 121.4737))).as("人民广场").isFalse();
        assertThat(box.contains(new LatLng(31.2397, 121.4998))).as("陆家嘴").isFalse();
        assertThat(box.contains(new LatLng(31.4050, 121.4890))).as("宝山").isFalse();
        assertThat(box.contains(new LatLng(121.5140, 31.2990))).as("纬度经度填反").isFalse();
        assertThat(box.contains(new LatLng(0, 0))).as("未填").isFalse();
    }

    @Test
    void theBoxIsTheOutlinesWidenedByTheMargin() {
        DistrictBounds tight = new DistrictOutline(new LandscapeProperties(null, 0.0001, null, 0, null, 0)).bounds();
        DistrictBounds box = outline.bounds();
        assertThat(box.minLat()).isLessThan(tight.minLat());
        assertThat(box.maxLng()).isGreaterThan(tight.maxLng());
        LatLng justOutside = new LatLng(tight.maxLat() + 0.001, 121.52);
        assertThat(tight.contains(justOutside)).isFalse();
        assertThat(box.contains(justOutside)).as("within the 0.003° margin of the schematic outline").isTrue();
    }

    @Test
    void theOutlineHasTheTwelveStreets() {
        assertThat(outline.streets()).extracting(DistrictOutline.Area::name)
                .containsExactlyInAnyOrderElementsOf(LandscapeCatalog.defaults().streets());
    }
}
