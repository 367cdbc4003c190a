package cn.fasheng.content;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reviewLevels 1 (审核) or 2 (初审 then 终审 by a different reviewer)
 * @param importPrivateHosts whether HTML import may fetch images from loopback or private-network hosts
 * @param seedDemo seed the demo content from media-samples on the first start of an empty store
 * @param publicCacheTtl the longest public lists are reused (changes to the column clear them at once; this
 *                       bounds how stale the view counts on list cards get)
 */
@ConfigurationProperties("fasheng.content")
public record ContentProperties(int reviewLevels, boolean importPrivateHosts, boolean seedDemo,
        Duration publicCacheTtl) {

    public ContentProperties {
        publicCacheTtl = publicCacheTtl == null ? Duration.ofMinutes(1) : publicCacheTtl;
        if (reviewLevels != 1 && reviewLevels != 2) {
            throw new IllegalArgumentException("fasheng.content.review-levels 只能是 1 或 2");
        }
    }
}
