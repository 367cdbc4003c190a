package cn.fasheng.publishing.bilibili;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Open Platform's request signature: every {@code x-bili-*} header sorted by name, written {@code name:value}
 * and joined with newlines, signed with HMAC-SHA256 under the app secret; lowercase hex in {@code Authorization}.
 */
final class BilibiliSigner {

    static final String EMPTY_MD5 = md5(new byte[0]);

    private BilibiliSigner() {
    }

    /** The headers for one request; {@code body} is the JSON body, or empty for GET, multipart and byte uploads. */
    static Map<String, String> headers(String clientId, String appSecret, String accessToken, byte[] body,
            long epochSeconds) {
        TreeMap<String, String> signed = new TreeMap<>();
        signed.put("x-bili-accesskeyid", clientId);
        signed.put("x-bili-content-md5", md5(body));
        signed.put("x-bili-signature-method", "HMAC-SHA256");
        signed.put("x-bili-signature-nonce", UUID.randomUUID().toString());
        signed.put("x-bili-signature-version", "2.0");
        signed.put("x-bili-timestamp", Long.toString(epochSeconds));
        StringBuilder text = new StringBuilder();
        signed.forEach((name, value) -> text.append(text.isEmpty() ? "" : "\n").append(name).append(':').append(value));
        TreeMap<String, String> headers = new TreeMap<>(signed);
        headers.put("Authorization", hmac(appSecret, text.toString()));
        headers.put("Accept", "application/json");
        if (accessToken != null) {
            headers.put("access-token", accessToken);
        }
        return headers;
    }

    static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
