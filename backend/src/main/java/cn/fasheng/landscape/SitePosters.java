package cn.fasheng.landscape;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.fasheng.content.PublicLinks;
import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.media.MediaAssets;
import cn.fasheng.site.SiteProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A site's QR code and A4 poster, both leading to its short address (which counts the scan). */
@Component
class SitePosters {

    private final PublicLinks links;
    private final MediaAssets media;
    private final SiteProperties site;
    private final AsyncCache<String, byte[]> rendered = Caffeine.newBuilder().maximumSize(64)
            .expireAfterWrite(Duration.ofHours(1)).buildAsync();

    SitePosters(PublicLinks links, MediaAssets media, SiteProperties site) {
        this.links = links;
        this.media = media;
        this.site = site;
    }

    /** The address printed in the QR code: absolute, and unchanged by renames. */
    String shortUrl(LandscapeSite s) {
        return links.absolute(s.shortPath());
    }

    /**
     * Rendering embeds a font subset and costs a noticeable fraction of a second, so a poster is kept for as long
     * as the site and the date printed on it stay the same: a busy public download link costs one rendering.
     */
    Mono<byte[]> poster(LandscapeSite s) {
        String day = LocalDate.now(ShanghaiTime.ZONE).toString();
        String key = s.id() + "/" + s.version() + "/" + day;
        // Shared by everyone asking at once: one reader going away must not cancel it for the others.
        return Mono.fromFuture(() -> rendered.get(key, (k, executor) -> render(s, day).toFuture()), true);
    }

    private Mono<byte[]> render(LandscapeSite s, String day) {
        Mono<byte[]> photo = s.cover() == null ? Mono.empty() : media.servedBytes(s.cover().largeUrl());
        return photo.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .publishOn(Schedulers.boundedElastic())
                .map(jpeg -> PosterPdf.render(new PosterPdf.Poster(site.columnName(), site.tagline(), s, jpeg.orElse(null),
                        shortUrl(s), day)));
    }

    String qrSvg(LandscapeSite s) {
        return QrCodes.svg(shortUrl(s));
    }

    byte[] qrPng(LandscapeSite s) {
        return QrCodes.png(shortUrl(s), 12);
    }

    static String posterFileName(LandscapeSite s) {
        return s.name() + "-海报.pdf";
    }
}
