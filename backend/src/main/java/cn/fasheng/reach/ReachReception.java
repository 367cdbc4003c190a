package cn.fasheng.reach;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.web.Crawlers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes one report from a public page: checks it, leaves out crawlers and a visitor's repeats, and counts the rest.
 * A malformed report is refused with an {@link InvalidRequestException} naming the field.
 */
@Component
class ReachReception {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** {@code event}: view, play or progress (with {@code percent} 25, 50, 75 or 100). */
    record ReachEvent(String event, String target, String id, Integer percent) {
    }

    private final ReachCounter counter;
    private final RepeatedEvents repeats;
    private final JsonMapper json;

    ReachReception(ReachCounter counter, RepeatedEvents repeats, JsonMapper json) {
        this.counter = counter;
        this.repeats = repeats;
        this.json = json;
    }

    void accept(byte[] body, String address, String userAgent) {
        ReachEvent event = parse(body);
        ReachTarget target = ReachTarget.byCode(event.target())
                .orElseThrow(() -> new InvalidRequestException("target", "不认识的页面类型"));
        if (event.id() == null || !ID.matcher(event.id()).matches()) {
            throw new InvalidRequestException("id", "页面编号不正确");
        }
        ReachMetric metric = switch (event.event() == null ? "" : event.event()) {
            case "view" -> ReachMetric.VIEWS;
            case "play" -> ReachMetric.PLAYS;
            case "progress" -> event.percent() == null ? null : ReachMetric.progress(event.percent());
            default -> throw new InvalidRequestException("event", "不认识的事件");
        };
        if (metric == null) {
            throw new InvalidRequestException("percent", "播放进度只能是 25、50、75 或 100");
        }
        if (Crawlers.isCrawler(userAgent) || !repeats.first(address, userAgent, target.code() + ":" + event.id() + ":" + metric)) {
            return;
        }
        counter.add(target, event.id(), metric);
    }

    private ReachEvent parse(byte[] body) {
        try {
            ReachEvent event = body.length == 0 ? null : json.readValue(body, ReachEvent.class);
            if (event == null) {
                throw new InvalidRequestException("event", "缺少统计内容");
            }
            return event;
        }
        catch (JacksonException e) {
            throw new InvalidRequestException("event", "统计内容不是有效的 JSON");
        }
    }
}
