package cn.fasheng.landscape;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.fasheng.support.ConsoleClient;
import tools.jackson.databind.JsonNode;

/** Sites as the console's editor sends them. */
final class LandscapeFixture {

    private LandscapeFixture() {
    }

    static Map<String, Object> site(String name, String street, double lat, double lng, String datum) {
        Map<String, Object> site = new HashMap<>();
        site.put("name", name);
        site.put("street", street);
        site.put("category", "宪法主题");
        site.put("address", street + "某路 1 号");
        site.put("coordinates", Map.of("lat", lat, "lng", lng, "datum", datum));
        site.put("descriptionHtml", "<p>介绍" + name + "</p>");
        site.put("openingHours", "全天开放");
        site.put("access", Map.of("stepFree", true, "seating", true, "accessibleToilet", false, "notes", "入口有坡道"));
        site.put("status", "OPEN");
        site.put("photos", List.of());
        site.put("relatedContentIds", List.of());
        site.put("published", false);
        return site;
    }

    /** Creates a site as the editor, then has the reviewer put it on the column; answers the published view. */
    static JsonNode published(ConsoleClient editor, ConsoleClient reviewer, Map<String, Object> site) {
        JsonNode created = editor.post("/api/console/landscape/sites", site).expectStatus(201).json();
        Map<String, Object> publish = new HashMap<>(site);
        publish.put("published", true);
        publish.put("version", created.get("version").asLong());
        return reviewer.put("/api/console/landscape/sites/" + created.get("id").asString(), publish).expectStatus(200).json();
    }
}
