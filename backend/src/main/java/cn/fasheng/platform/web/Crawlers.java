package cn.fasheng.platform.web;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tells crawlers, scripts and link previewers from people, by their user agent; a missing one counts as a crawler. */
public final class Crawlers {

    private static final Pattern MARKERS = Pattern.compile(
            "bot|spider|crawl|slurp|bingpreview|facebookexternalhit|headless|curl|wget|python|java/|go-http|okhttp|scrapy|phantomjs|lighthouse|monitor");

    private Crawlers() {
    }

    public static boolean isCrawler(String userAgent) {
        return userAgent == null || userAgent.isBlank() || MARKERS.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
    }
}
