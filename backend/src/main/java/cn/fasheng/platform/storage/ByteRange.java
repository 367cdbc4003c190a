package cn.fasheng.platform.storage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range as a browser asks for it: {@code first-last}, {@code first-} or {@code -suffixLength}; the
 * store resolves it against the object's length.
 */
public record ByteRange(Long first, Long last) {

    private static final Pattern SINGLE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    /** The range of a Range header, or empty when there is none we serve (absent, malformed or several). */
    public static Optional<ByteRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty()) || m.group(1).length() > 18
                || m.group(2).length() > 18) {
            return Optional.empty();
        }
        Long first = m.group(1).isEmpty() ? null : Long.parseLong(m.group(1));
        Long last = m.group(2).isEmpty() ? null : Long.parseLong(m.group(2));
        if (first != null && last != null && last < first) {
            return Optional.empty();
        }
        return Optional.of(new ByteRange(first, last));
    }

    public String header() {
        return "bytes=" + (first == null ? "" : first) + "-" + (last == null ? "" : last);
    }
}
