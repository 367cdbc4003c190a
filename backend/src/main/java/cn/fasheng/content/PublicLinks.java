package cn.fasheng.content;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.fasheng.platform.PlatformProperties;

/** Addresses of public pages: within the application, under the base path, and absolute (canonical, feeds). */
@Component
public class PublicLinks {

    private final String basePath;
    private final String publicBaseUrl;

    PublicLinks(@Value("${spring.webflux.base-path:}") String basePath, PlatformProperties platform) {
        this.basePath = basePath == null ? "" : basePath;
        String base = platform.publicBaseUrl();
        this.publicBaseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** e.g. /articles/some-slug */
    public String path(Content content) {
        return "/" + content.getKind().path() + "/" + content.getSlug();
    }

    /** The href the console links to, under the base path. */
    public String page(Content content) {
        return basePath + path(content);
    }

    /** The absolute address of a path within the application, for canonical links, feeds and the sitemap. */
    public String absolute(String path) {
        return publicBaseUrl + path;
    }

    /** Media URLs are stored with the base path; feeds need them absolute. */
    public String absoluteMedia(String storedUrl) {
        if (storedUrl == null) {
            return null;
        }
        return absolute(storedUrl.startsWith(basePath) ? storedUrl.substring(basePath.length()) : storedUrl);
    }
}
