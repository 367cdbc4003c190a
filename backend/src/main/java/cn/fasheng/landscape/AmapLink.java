package cn.fasheng.landscape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * "Open in a map app": 高德's marker URI, which phones hand to the installed app and which also works in WeChat.
 * 高德 expects GCJ-02, so the stored WGS-84 point is converted. Only a link: the page itself loads nothing from it.
 */
final class AmapLink {

    private AmapLink() {
    }

    static String of(LandscapeSite site) {
        LatLng gcj = ChinaCoordinates.wgsToGcj(site.location());
        return String.format(Locale.ROOT, "https://uri.amap.com/marker?position=%.6f,%.6f&name=%s&coordinate=gaode&callnative=1",
                gcj.lng(), gcj.lat(), URLEncoder.encode(site.name(), StandardCharsets.UTF_8));
    }
}
