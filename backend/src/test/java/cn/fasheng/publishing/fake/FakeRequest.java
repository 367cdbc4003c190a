package cn.fasheng.publishing.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** One request as a fake channel sees it: path without query, decoded query, headers and the whole body. */
record FakeRequest(String method, String path, Map<String, List<String>> query, HttpHeaders headers, byte[] body) {

    /** Decodes a query string or a form body; a ';' is data, not a separator. */
    static Map<String, List<String>> decode(String text, boolean hasPath) {
        return new QueryStringDecoder(text, StandardCharsets.UTF_8, hasPath, 1024, true).parameters();
    }

    static String path(String uri) {
        return new QueryStringDecoder(uri, StandardCharsets.UTF_8, true, 1024, true).path();
    }

    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    String header(String name) {
        return headers.get(name);
    }

    /** Lower-cased, "" when absent. */
    String contentType() {
        String type = headers.get("Content-Type");
        return type == null ? "" : type.toLowerCase();
    }

    JsonNode json() {
        JsonNode node;
        try {
            node = FakeChannelServer.JSON.readTree(body);
        }
        catch (JacksonException e) {
            throw new FakeChannelServer.MalformedRequest("body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new FakeChannelServer.MalformedRequest("body is not a JSON object");
        }
        return node;
    }

    Map<String, String> form() {
        Map<String, String> fields = new LinkedHashMap<>();
        decode(new String(body, StandardCharsets.UTF_8), false).forEach((name, values) -> fields.put(name, values.get(0)));
        return fields;
    }

    List<Multipart.Part> multipart() {
        return Multipart.parse(headers.get("Content-Type"), body);
    }

    /** A text field of a JSON object, or null when absent or JSON null. */
    static String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() || node.isContainer() ? null : node.asString();
    }
}
