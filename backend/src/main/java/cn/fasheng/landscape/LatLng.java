package cn.fasheng.landscape;

/** A point on the earth in degrees; sites store WGS-84 (what GPS and the district's survey use). */
public record LatLng(double lat, double lng) {

    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    /** Great-circle distance (haversine). */
    public double metersTo(LatLng other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLng = Math.toRadians(other.lng - lng);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
