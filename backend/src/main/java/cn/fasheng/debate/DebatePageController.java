package cn.fasheng.debate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.content.PageMetaFactory;
import cn.fasheng.content.PublishedContent;
import cn.fasheng.platform.error.NotFoundException;
import cn.fasheng.site.PublicSitePage;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The contest on the column: server-rendered pages (schedule, motions, results, standings, bracket, best
 * debaters, videos) and an event stream that tells open pages to refresh their results when an editor enters one.
 */
@Hidden
@Controller
@PublicSitePage
class DebatePageController {

    static final Map<String, String> SECTIONS = new java.util.LinkedHashMap<>();

    static {
        SECTIONS.put("home", "赛事首页");
        SECTIONS.put("schedule", "赛程");
        SECTIONS.put("motions", "辩题");
        SECTIONS.put("results", "比赛结果");
        SECTIONS.put("standings", "队伍排名");
        SECTIONS.put("bracket", "淘汰赛");
        SECTIONS.put("speakers", "最佳辩手");
        SECTIONS.put("videos", "比赛视频");
    }

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    private final ContestRepository contests;
    private final Tabulation tabulation;
    private final DebateLive live;
    private final PublishedContent published;
    private final PageMetaFactory meta;

    DebatePageController(ContestRepository contests, Tabulation tabulation, DebateLive live, PublishedContent published,
            PageMetaFactory meta) {
        this.contests = contests;
        this.tabulation = tabulation;
        this.live = live;
        this.published = published;
        this.meta = meta;
    }

    @GetMapping("/debate")
    Mono<String> index(Model model) {
        return contests.findByPublishedTrueOrderByCreatedAtDesc().collectList().map(all -> {
            model.addAttribute("nav", "debate");
            model.addAttribute("contests", all);
            model.addAttribute("meta", meta.plain("法治辩论赛", "杨浦区高中生法治辩论赛：赛程、辩题、成绩与排名"));
            return "debate/index";
        });
    }

    @GetMapping("/debate/{slug}")
    Mono<String> home(@PathVariable String slug, Model model) {
        return page(slug, "home", model);
    }

    @GetMapping("/debate/{slug}/{section:schedule|motions|results|standings|bracket|speakers|videos}")
    Mono<String> section(@PathVariable String slug, @PathVariable String section, Model model) {
        return page(slug, section, model);
    }

    /** {@code changed} events carry the contest's revision; a comment every 25 s keeps proxies from closing the stream. */
    @GetMapping(value = "/debate/{slug}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> live(@PathVariable String slug, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        exchange.getResponse().getHeaders().set("X-Accel-Buffering", "no");
        return contest(slug).flatMapMany(contest -> Flux.merge(
                live.revisions(contest.id()).map(revision -> ServerSentEvent.builder(String.valueOf(revision))
                        .event("changed").id(String.valueOf(revision)).retry(Duration.ofSeconds(5)).build()),
                Flux.interval(KEEP_ALIVE).map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build()))
                .takeUntilOther(live.closing()));
    }

    private Mono<String> page(String slug, String section, Model model) {
        return contest(slug).flatMap(contest -> live.revision(contest.id()).flatMap(revision -> tabulation.load(contest)
                .flatMap(tab -> published.cards(videoIds(tab)).map(videos -> {
                    PublicTab view = new PublicTab(tab, videos);
                    model.addAttribute("nav", "debate");
                    model.addAttribute("section", section);
                    model.addAttribute("sections", SECTIONS);
                    model.addAttribute("contest", contest);
                    model.addAttribute("view", view);
                    model.addAttribute("rounds", view.rounds());
                    model.addAttribute("revision", revision);
                    String title = section.equals("home") ? contest.name() : SECTIONS.get(section) + " - " + contest.name();
                    model.addAttribute("meta", meta.plain(title, contest.description() == null
                            ? contest.name() + "：赛程、辩题、比赛结果与排名" : contest.description()));
                    return "debate/contest";
                }))));
    }

    private Mono<Contest> contest(String slug) {
        return contests.findBySlug(slug).filter(Contest::published)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("辩论赛不存在或尚未公开")));
    }

    private static List<String> videoIds(ContestTab tab) {
        return tab.rounds.stream().filter(Round::drawReleased)
                .flatMap(r -> tab.matches(r).stream()).map(Match::videoContentId).filter(id -> id != null).toList();
    }
}
