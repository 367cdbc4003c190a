package cn.fasheng.landscape;

/** The district's bounding box (WGS-84): a site outside it is a typo or a point in the wrong datum. */
public record DistrictBounds(double minLat, double maxLat, double minLng, double maxLng) {

    public boolean contains(LatLng p) {
        return p.lat() >= minLat && p.lat() <= maxLat && p.lng() >= minLng && p.lng() <= maxLng;
    }

    public DistrictBounds widen(double degrees) {
        return new DistrictBounds(minLat - degrees, maxLat + degrees, minLng - degrees, maxLng + degrees);
    }

    public String describe() {
        return String.format("北纬 %.3f°–%.3f°，东经 %.3f°–%.3f°", minLat, maxLat, minLng, maxLng);
    }
}
