package cn.fasheng.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scripts and styles of each frontend entry, read once from the Vite manifest, so server-rendered
 * pages link the hashed files the build produced. Paths are relative to the application's base path.
 */
@Component
public class FrontendAssets {

    static final String MANIFEST = "static/.vite/manifest.json";

    public record Entry(List<String> scripts, List<String> styles) {
    }

    private final Map<String, Entry> entries;

    public FrontendAssets(JsonMapper json) {
        ClassPathResource resource = new ClassPathResource(MANIFEST);
        if (!resource.exists()) {
            throw new IllegalStateException("前端资源缺失（" + MANIFEST + "），请先用 ./mvnw package 构建前端");
        }
        try (InputStream in = resource.getInputStream()) {
            this.entries = read(json.readTree(in));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Entry entry(String source) {
        Entry entry = entries.get(source);
        if (entry == null) {
            throw new IllegalArgumentException("Vite manifest has no entry " + source);
        }
        return entry;
    }

    private static Map<String, Entry> read(JsonNode manifest) {
        Map<String, Entry> result = new java.util.HashMap<>();
        for (String key : manifest.propertyNames()) {
            JsonNode chunk = manifest.get(key);
            if (chunk.path("isEntry").asBoolean(false)) {
                Set<String> styles = new LinkedHashSet<>();
                collectStyles(manifest, key, styles, new java.util.HashSet<>());
                result.put(key, new Entry(List.of("/" + chunk.get("file").asString()), List.copyOf(styles)));
            }
        }
        return Map.copyOf(result);
    }

    // Styles of statically imported chunks belong to the page too.
    private static void collectStyles(JsonNode manifest, String key, Set<String> styles, Set<String> seen) {
        if (!seen.add(key)) {
            return;
        }
        JsonNode chunk = manifest.get(key);
        chunk.path("css").forEach(css -> styles.add("/" + css.asString()));
        chunk.path("imports").forEach(imported -> collectStyles(manifest, imported.asString(), styles, seen));
    }
}
