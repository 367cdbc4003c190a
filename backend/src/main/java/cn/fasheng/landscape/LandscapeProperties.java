package cn.fasheng.landscape;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Settings of the micro-landscape directory.
 *
 * @param outline GeoJSON of the district's streets (WGS-84) the offline map is drawn from; the bundled one is a
 *        self-drawn schematic of 杨浦区
 * @param boundsMargin degrees a site may lie outside the outline's bounding box (the outline is schematic)
 * @param tileUrl optional raster tiles drawn beneath the outline, e.g. a 天地图 or internal tile server in WGS-84
 *        Web Mercator, with {z}, {x} and {y}; empty draws the outline alone, needing no network
 * @param tileZoom zoom level of those tiles
 * @param tileAttribution shown under the map when tiles are drawn
 * @param maxPhotos photos one site may carry
 */
@ConfigurationProperties("fasheng.landscape")
public record LandscapeProperties(Resource outline, double boundsMargin, String tileUrl, int tileZoom,
        String tileAttribution, int maxPhotos) {

    public LandscapeProperties {
        boundsMargin = boundsMargin <= 0 ? 0.003 : boundsMargin;
        tileUrl = tileUrl == null ? "" : tileUrl.strip();
        tileZoom = tileZoom <= 0 ? 13 : Math.min(tileZoom, 16);
        tileAttribution = tileAttribution == null ? "" : tileAttribution;
        maxPhotos = maxPhotos <= 0 ? 12 : maxPhotos;
    }
}
