package cn.fasheng.content;

import java.util.LinkedHashMap;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.site.PublicSitePage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** Any item, in any state, exactly as the public page would show it; for signed-in editors only. */
@Tag(name = "内容")
@Controller
@PublicSitePage
class PreviewController {

    private final ContentService contents;
    private final TopicService topics;
    private final PageMetaFactory meta;
    private final cn.fasheng.media.MediaAssets media;

    PreviewController(ContentService contents, TopicService topics, PageMetaFactory meta,
            cn.fasheng.media.MediaAssets media) {
        this.media = media;
        this.contents = contents;
        this.topics = topics;
        this.meta = meta;
    }

    @Operation(summary = "预览：按公众页面的样子显示（HTML）")
    @GetMapping(path = "/api/console/contents/{id}/preview", produces = "text/html")
    Mono<String> preview(@PathVariable String id, Model model, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setCacheControl(CacheControl.noStore().cachePrivate());
        return Mono.zip(contents.get(id), topics.all().collectMap(Topic::slug, Topic::name, LinkedHashMap::new))
                .flatMap(all -> media.player(all.getT1().getMediaAssetId()).map(player -> {
                    Content content = all.getT1();
                    model.addAttribute("player", player);
                    model.addAttribute("nav", content.getKind().path());
                    model.addAttribute("content", content);
                    model.addAttribute("preview", true);
                    model.addAttribute("views", 0);
                    model.addAttribute("topicNames", all.getT2());
                    model.addAttribute("meta", content.getPublishedAt() == null
                            ? meta.plain(content.getTitle(), content.getSummary()) : meta.of(content, all.getT2()));
                    return "column/content";
                }));
    }
}
