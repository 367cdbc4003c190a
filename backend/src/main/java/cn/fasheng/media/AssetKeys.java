package cn.fasheng.media;

/**
 * The object layout of an asset. Everything of asset X lives under {@code assets/X/}, so deleting the
 * prefix deletes all of it; a run's outputs live under their own {@code r<fence>/} so a half-finished run
 * never mixes with a published one.
 */
public final class AssetKeys {

    public static final String ROOT = "assets/";

    private AssetKeys() {
    }

    public static String prefix(String assetId) {
        return ROOT + assetId + "/";
    }

    public static String original(String assetId) {
        return prefix(assetId) + "original";
    }

    public static String run(String assetId, long fence) {
        return prefix(assetId) + "r" + fence + "/";
    }

    public static String caption(String assetId, String lang) {
        return prefix(assetId) + "captions/" + lang + ".vtt";
    }

    /** The asset a key belongs to, or null for keys outside the layout. */
    public static String assetOf(String key) {
        if (!key.startsWith(ROOT)) {
            return null;
        }
        int slash = key.indexOf('/', ROOT.length());
        return slash < 0 ? null : key.substring(ROOT.length(), slash);
    }

    /** The run prefix ({@code assets/X/rN/}) a key belongs to, or null. */
    public static String runOf(String key) {
        String asset = assetOf(key);
        if (asset == null) {
            return null;
        }
        String rest = key.substring(prefix(asset).length());
        int slash = rest.indexOf('/');
        return rest.startsWith("r") && slash > 1 && rest.substring(1, slash).chars().allMatch(Character::isDigit)
                ? prefix(asset) + rest.substring(0, slash + 1) : null;
    }
}
