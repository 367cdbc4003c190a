package cn.fasheng.publishing.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough multipart/form-data for the fakes: boundary from the Content-Type, CRLF line breaks. */
final class Multipart {

    /** One part of a multipart/form-data body; filename is null for plain form fields. */
    record Part(String name, String filename, String contentType, byte[] data) {

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private Multipart() {
    }

    static List<Part> parse(String contentType, byte[] body) {
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null || !contentType.toLowerCase().startsWith("multipart/form-data") || !boundary.find()) {
            throw new FakeChannelServer.MalformedRequest("not multipart/form-data");
        }
        byte[] delimiter = ("\r\n--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        // The first delimiter has no leading CRLF.
        int at = indexOf(body, Arrays.copyOfRange(delimiter, 2, delimiter.length), 0);
        if (at < 0) {
            throw new FakeChannelServer.MalformedRequest("multipart boundary not found");
        }
        at += delimiter.length - 2;
        List<Part> parts = new ArrayList<>();
        while (at + 2 <= body.length && !(body[at] == '-' && body[at + 1] == '-')) {
            int headersStart = at + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            int next = headersEnd < 0 ? -1 : indexOf(body, delimiter, headersEnd + 4);
            if (next < 0) {
                throw new FakeChannelServer.MalformedRequest("truncated multipart body");
            }
            parts.add(part(new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
                    Arrays.copyOfRange(body, headersEnd + 4, next)));
            at = next + delimiter.length;
        }
        return parts;
    }

    private static Part part(String headers, byte[] data) {
        String name = null;
        String filename = null;
        String type = null;
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-disposition:")) {
                Matcher m = NAME.matcher(line.substring(line.indexOf(':') + 1).trim());
                name = m.find() ? m.group(1) : null;
                Matcher f = FILENAME.matcher(line);
                filename = f.find() ? f.group(1) : null;
            }
            else if (lower.startsWith("content-type:")) {
                type = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return new Part(name, filename, type, data);
    }

    private static int indexOf(byte[] data, byte[] target, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - target.length; i++) {
            for (int j = 0; j < target.length; j++) {
                if (data[i + j] != target[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
