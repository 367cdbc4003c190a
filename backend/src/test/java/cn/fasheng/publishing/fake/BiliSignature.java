package cn.fasheng.publishing.fake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks the Bilibili Open Platform request signature exactly as the contract describes it. */
final class BiliSignature {

    static final String EMPTY_MD5 = md5(new byte[0]);

    private static final long CLOCK_SKEW_SECONDS = 600;

    private BiliSignature() {
    }

    /** Which part of the signature is wrong, or null when it holds; a good signature's nonce is used up. */
    static String problem(FakeRequest request, String clientId, String appSecret, Set<String> seenNonces) {
        Map<String, String> signed = new TreeMap<>();
        request.headers().forEach(h -> {
            String name = h.getKey().toLowerCase();
            if (name.startsWith("x-bili-")) {
                signed.put(name, h.getValue());
            }
        });
        if (!clientId.equals(signed.get("x-bili-accesskeyid"))) {
            return "x-bili-accesskeyid";
        }
        if (!"HMAC-SHA256".equals(signed.get("x-bili-signature-method"))) {
            return "x-bili-signature-method";
        }
        if (!"2.0".equals(signed.get("x-bili-signature-version"))) {
            return "x-bili-signature-version";
        }
        if (!timely(signed.get("x-bili-timestamp"))) {
            return "x-bili-timestamp";
        }
        String nonce = signed.get("x-bili-signature-nonce");
        if (nonce == null || nonce.isBlank() || seenNonces.contains(nonce)) {
            return "x-bili-signature-nonce";
        }
        if (!contentMd5Matches(request, signed.get("x-bili-content-md5"))) {
            return "x-bili-content-md5";
        }
        String canonical = signed.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining("\n"));
        if (!hmacSha256(appSecret, canonical).equals(request.header("Authorization"))) {
            return "Authorization";
        }
        return seenNonces.add(nonce) ? null : "x-bili-signature-nonce";
    }

    private static boolean timely(String timestamp) {
        try {
            return Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) <= CLOCK_SKEW_SECONDS;
        }
        catch (NumberFormatException e) {
            return false;
        }
    }

    // JSON bodies are hashed; multipart and GET sign the empty string. Raw video bytes may go either way
    // (the contract is unsure which the real upload host wants).
    private static boolean contentMd5Matches(FakeRequest request, String given) {
        String type = request.contentType();
        if (type.startsWith("application/json")) {
            return md5(request.body()).equals(given);
        }
        if (type.startsWith("application/octet-stream") && md5(request.body()).equals(given)) {
            return true;
        }
        return EMPTY_MD5.equals(given);
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmacSha256(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
