package cn.fasheng.landscape;

/**
 * GCJ-02, the obfuscated datum every map published in mainland China (高德, 腾讯, and the pickers built on them)
 * must use, against WGS-84. The forward formula is the published Krasovsky-ellipsoid approximation; there is no
 * closed inverse, so WGS-84 is found by fixed-point iteration, which converges to well under a millimetre.
 */
public final class ChinaCoordinates {

    private static final double A = 6_378_245.0;
    private static final double EE = 0.00669342162296594323;

    private ChinaCoordinates() {
    }

    /** Outside mainland China GCJ-02 equals WGS-84. */
    public static boolean outsideChina(LatLng p) {
        return p.lng() < 72.004 || p.lng() > 137.8347 || p.lat() < 0.8293 || p.lat() > 55.8271;
    }

    public static LatLng wgsToGcj(LatLng wgs) {
        if (outsideChina(wgs)) {
            return wgs;
        }
        double x = wgs.lng() - 105.0;
        double y = wgs.lat() - 35.0;
        double dLat = latOffset(x, y);
        double dLng = lngOffset(x, y);
        double radLat = Math.toRadians(wgs.lat());
        double magic = 1 - EE * Math.pow(Math.sin(radLat), 2);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLng = (dLng * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new LatLng(wgs.lat() + dLat, wgs.lng() + dLng);
    }

    public static LatLng gcjToWgs(LatLng gcj) {
        if (outsideChina(gcj)) {
            return gcj;
        }
        LatLng wgs = gcj;
        for (int i = 0; i < 30; i++) {
            LatLng back = wgsToGcj(wgs);
            double errLat = back.lat() - gcj.lat();
            double errLng = back.lng() - gcj.lng();
            wgs = new LatLng(wgs.lat() - errLat, wgs.lng() - errLng);
            if (Math.abs(errLat) < 1e-10 && Math.abs(errLng) < 1e-10) {
                break;
            }
        }
        return wgs;
    }

    private static double latOffset(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double lngOffset(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
