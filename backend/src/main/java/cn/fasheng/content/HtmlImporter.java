package cn.fasheng.content;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Service;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import cn.fasheng.content.ContentDtos.ImportResult;
import cn.fasheng.media.Bytes;
import cn.fasheng.media.MediaStore;
import cn.fasheng.media.MediaProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a page from the bureau's old site (pasted or uploaded HTML) into a body the editor accepts: headings,
 * paragraphs, lists and tables kept, presentation dropped, every image fetched into the column's own store.
 */
@Service
class HtmlImporter {

    private final HtmlSanitizer sanitizer;
    private final MediaStore media;
    private final MediaProperties mediaProperties;
    private final WebClient http;

    HtmlImporter(HtmlSanitizer sanitizer, MediaStore media, MediaProperties mediaProperties,
            ContentProperties properties) {
        this.sanitizer = sanitizer;
        this.media = media;
        this.mediaProperties = mediaProperties;
        HttpClient client = HttpClient.create().followRedirect(true).responseTimeout(Duration.ofSeconds(20));
        this.http = WebClient.builder().clientConnector(new ReactorClientHttpConnector(
                properties.importPrivateHosts() ? client : client.resolver(new PublicAddressResolver()))).build();
    }

    Mono<ImportResult> importHtml(byte[] html, String baseUrl) {
        return Mono.fromCallable(() -> parse(html, baseUrl)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(document -> {
                    Element root = document.selectFirst("article, .article, #article, .TRS_Editor, main");
                    if (root == null) {
                        root = document.body();
                    }
                    document.outputSettings().prettyPrint(false);
                    String title = title(document, root);
                    normalise(root);
                    List<String> warnings = new ArrayList<>();
                    List<Element> images = new ArrayList<>(root.select("img"));
                    Element body = root;
                    return Flux.fromIterable(images)
                            .concatMap(image -> pull(image, warnings))
                            .reduce(0, (count, stored) -> count + (stored ? 1 : 0))
                            .publishOn(Schedulers.boundedElastic())
                            .map(count -> new ImportResult(title, sanitizer.clean(body.html()), count, warnings));
                });
    }

    private static Document parse(byte[] html, String baseUrl) throws java.io.IOException {
        // Jsoup reads the charset from the BOM or <meta charset>; the old site is often GBK.
        return Jsoup.parse(new java.io.ByteArrayInputStream(html), null, baseUrl == null ? "" : baseUrl);
    }

    private static String title(Document document, Element root) {
        Element heading = root.selectFirst("h1");
        String title = heading != null ? heading.text() : document.title();
        if (heading != null) {
            heading.remove();
        }
        return title.strip();
    }

    /** Maps old-site markup onto the editor's schema before the safelist drops the rest. */
    private static void normalise(Element root) {
        root.select("script, style, noscript, iframe, object, embed, form, nav, header, footer").remove();
        root.select("h1").tagName("h2");
        root.select("h5, h6").tagName("h4");
        root.select("b").tagName("strong");
        root.select("i").tagName("em");
        root.select("strike, del").tagName("s");
        for (Element block : root.select("div, section")) {
            if (block == root) {
                continue;
            }
            if (block.select("p, h2, h3, h4, ul, ol, table, div, section, blockquote, pre").isEmpty()
                    && !block.text().isBlank()) {
                block.tagName("p");
            }
            else {
                block.unwrap();
            }
        }
        for (Element cell : root.select("td, th")) {
            if (cell.select("p").isEmpty()) {
                cell.html("<p>" + cell.html() + "</p>");
            }
        }
    }

    private Mono<Boolean> pull(Element image, List<String> warnings) {
        String src = image.attr("src").strip();
        String alt = image.attr("alt");
        String name = alt.isBlank() ? "导入图片" : alt;
        Mono<byte[]> bytes;
        if (src.startsWith("data:image/") && src.contains(";base64,")) {
            bytes = Mono.fromCallable(() -> Base64.getMimeDecoder().decode(src.substring(src.indexOf(',') + 1)));
        }
        else {
            String absolute = image.absUrl("src");
            if (!absolute.startsWith("http://") && !absolute.startsWith("https://")) {
                warnings.add("图片地址无法获取，已略过：" + abbreviate(src));
                image.remove();
                return Mono.just(false);
            }
            bytes = fetch(absolute);
        }
        return bytes.flatMap(content -> media.storeImage(content, name))
                .map(stored -> {
                    image.attr("src", stored.url());
                    return true;
                })
                .onErrorResume(e -> {
                    warnings.add("图片未能导入（" + e.getMessage() + "）：" + abbreviate(src));
                    image.remove();
                    return Mono.just(false);
                });
    }

    private Mono<byte[]> fetch(String url) {
        return Mono.defer(() -> http.get().uri(URI.create(url)).retrieve()
                .bodyToFlux(org.springframework.core.io.buffer.DataBuffer.class)
                .as(flux -> Bytes.join(flux, mediaProperties.maxImageSize().toBytes()))
                .timeout(Duration.ofSeconds(30)));
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
