package cn.fasheng.publishing.fake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import cn.fasheng.publishing.fake.FakeChannelServer.ChannelError;
import tools.jackson.databind.JsonNode;

/** Upload tokens of the fake Bilibili: init, parts or the whole file, merge, and one claim by an archive. */
final class FakeBilibiliUploads {

    static final int PART_SIZE = 8 * 1024 * 1024;
    private static final long SINGLE_UPLOAD_LIMIT = 100L * 1024 * 1024;

    /** What an archive keeps of its video once the bytes are dropped. */
    record Merged(long size, String sha256) {
    }

    /** Guarded by its own monitor. Bytes live only until merged; then just their size and hash. */
    private static final class Upload {
        final SortedMap<Integer, byte[]> parts = new TreeMap<>();
        Merged merged;
        int mergedParts;
        boolean claimed;
    }

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger partUploads = new AtomicInteger();

    String init(JsonNode body) {
        String name = FakeRequest.text(body, "name");
        if (name == null || !(name.toLowerCase().endsWith(".mp4") || name.toLowerCase().endsWith(".flv"))) {
            throw new ChannelError(127102, "文件类型不支持: " + name);
        }
        String utype = FakeRequest.text(body, "utype");
        if (utype != null && !utype.equals("0") && !utype.equals("1")) {
            throw new ChannelError(127100, "utype无效: " + utype);
        }
        String token = FakeBilibili.randomAlphanumeric(32);
        uploads.put(token, new Upload());
        return token;
    }

    /** Storing a part number again replaces it, so a retried part is harmless. */
    void part(String token, String partNumber, byte[] bytes) {
        Upload upload = upload(token);
        int part = positive(partNumber, "part_number");
        if (bytes.length == 0) {
            throw new ChannelError(127100, "分片为空");
        }
        synchronized (upload) {
            if (upload.merged != null) {
                throw new ChannelError(127100, "视频已合并");
            }
            upload.parts.put(part, bytes);
        }
        partUploads.incrementAndGet();
    }

    // Clients go from the single upload straight to add-by-utoken, so it merges at once; a repeat before the
    // archive is created replaces the file.
    void whole(String token, byte[] bytes) {
        Upload upload = upload(token);
        if (bytes.length == 0 || bytes.length > SINGLE_UPLOAD_LIMIT) {
            throw new ChannelError(127100, "文件大小无效: " + bytes.length);
        }
        synchronized (upload) {
            if (upload.claimed) {
                throw new ChannelError(127022, "upload_token已使用");
            }
            upload.parts.clear();
            upload.parts.put(1, bytes);
            merge(upload);
        }
    }

    void complete(String token) {
        Upload upload = upload(token);
        synchronized (upload) {
            if (upload.merged != null) {
                return;
            }
            int count = upload.parts.size();
            if (count == 0 || upload.parts.firstKey() != 1 || upload.parts.lastKey() != count) {
                throw new ChannelError(127100, "分片不连续: " + upload.parts.keySet());
            }
            upload.parts.forEach((n, bytes) -> {
                if (n < count ? bytes.length != PART_SIZE : bytes.length > PART_SIZE) {
                    throw new ChannelError(127100, "分片" + n + "大小" + bytes.length + "，应为" + PART_SIZE);
                }
            });
            merge(upload);
        }
    }

    /** Makes the one archive a merged token may serve; if create throws, the token stays unused. */
    <T> T claim(String token, Function<Merged, T> create) {
        Upload upload = upload(token);
        synchronized (upload) {
            if (upload.merged == null) {
                throw new ChannelError(127022, "upload_token未合并");
            }
            if (upload.claimed) {
                throw new ChannelError(127022, "upload_token已使用");
            }
            T created = create.apply(upload.merged);
            upload.claimed = true;
            return created;
        }
    }

    int partUploads() {
        return partUploads.get();
    }

    int partsStored(String token) {
        Upload upload = token == null ? null : uploads.get(token);
        if (upload == null) {
            return 0;
        }
        synchronized (upload) {
            return upload.merged != null ? upload.mergedParts : upload.parts.size();
        }
    }

    void reset() {
        uploads.clear();
        partUploads.set(0);
    }

    static int positive(String value, String name) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        }
        catch (NumberFormatException e) {
            // answered below
        }
        throw new ChannelError(127100, name + "无效: " + value);
    }

    private Upload upload(String token) {
        Upload upload = token == null ? null : uploads.get(token);
        if (upload == null) {
            throw new ChannelError(127022, "upload_token无效");
        }
        return upload;
    }

    private static void merge(Upload upload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            for (byte[] part : upload.parts.values()) {
                sha256.update(part);
                size += part.length;
            }
            upload.merged = new Merged(size, HexFormat.of().formatHex(sha256.digest()));
            upload.mergedParts = upload.parts.size();
            upload.parts.clear();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
