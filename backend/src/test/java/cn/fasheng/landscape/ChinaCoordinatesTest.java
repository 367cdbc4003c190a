package cn.fasheng.landscape;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** GCJ-02 ⇄ WGS-84, and distances. */
class ChinaCoordinatesTest {

    @Test
    void wgsToGcjMatchesThePublishedReferenceValue() {
        // The reference pair used by the open-source eviltransform implementations (a point in Pudong).
        LatLng gcj = ChinaCoordinates.wgsToGcj(new LatLng(31.1774276, 121.5272106));
        assertThat(gcj.lat()).isCloseTo(31.17530398364597, within(1e-9));
        assertThat(gcj.lng()).isCloseTo(121.531541859215, within(1e-9));
    }

    @Test
    void gcjToWgsUndoesTheOffsetToWithinACentimetreAllOverTheDistrict() {
        for (double lat = 31.25; lat <= 31.34; lat += 0.01) {
            for (double lng = 121.49; lng <= 121.58; lng += 0.01) {
                LatLng wgs = new LatLng(lat, lng);
                LatLng gcj = ChinaCoordinates.wgsToGcj(wgs);
                // The offset in Shanghai is several hundred metres: taking one datum for the other puts a site on the wrong street.
                assertThat(wgs.metersTo(gcj)).isBetween(400.0, 700.0);
                assertThat(ChinaCoordinates.gcjToWgs(gcj).metersTo(wgs)).isLessThan(0.01);
            }
        }
    }

    @Test
    void outsideMainlandChinaBothDatumsAreTheSame() {
        LatLng london = new LatLng(51.5007, -0.1246);
        assertThat(ChinaCoordinates.wgsToGcj(london)).isEqualTo(london);
        assertThat(ChinaCoordinates.gcjToWgs(london)).isEqualTo(london);
    }

    @Test
    void distancesAreGreatCircleMetres() {
        assertThat(new LatLng(31, 121).metersTo(new LatLng(32, 121))).isCloseTo(111_195, within(5.0));
        // One degree of longitude shrinks with the cosine of the latitude.
        assertThat(new LatLng(31.3, 121).metersTo(new LatLng(31.3, 122))).isCloseTo(111_195 * Math.cos(Math.toRadians(31.3)), within(100.0));
        assertThat(new LatLng(31.3, 121.5).metersTo(new LatLng(31.3, 121.5))).isZero();
    }
}
