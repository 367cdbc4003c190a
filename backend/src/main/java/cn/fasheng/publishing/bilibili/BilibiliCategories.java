package cn.fasheng.publishing.bilibili;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.fasheng.publishing.Channel;
import cn.fasheng.publishing.ChannelException;
import cn.fasheng.publishing.ChannelTokens;
import cn.fasheng.publishing.ChannelUnavailableException;
import cn.fasheng.platform.error.ProblemException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Bilibili's categories (the {@code tid} choices), asked for at most once a day per instance. */
@Component
public class BilibiliCategories {

    private static final Duration KEEP = Duration.ofDays(1);

    private final BilibiliApi api;
    private final ChannelTokens tokens;
    private final Clock clock;
    private volatile List<Category> cached;
    private volatile Instant fetched = Instant.EPOCH;

    BilibiliCategories(BilibiliApi api, ChannelTokens tokens, Clock clock) {
        this.api = api;
        this.tokens = tokens;
        this.clock = clock;
    }

    public Mono<List<Category>> list() {
        if (cached != null && fetched.plus(KEEP).isAfter(clock.instant())) {
            return Mono.just(cached);
        }
        return tokens.session(Channel.BILIBILI).flatMap(api::categories).map(BilibiliCategories::parse)
                .doOnNext(list -> {
                    cached = list;
                    fetched = clock.instant();
                })
                .onErrorMap(ChannelUnavailableException.class, e -> new ProblemException(org.springframework.http.HttpStatus.CONFLICT,
                        "B 站账号不可用", e.getMessage()))
                .onErrorMap(ChannelException.class, e -> new ProblemException(org.springframework.http.HttpStatus.BAD_GATEWAY,
                        "无法读取 B 站分区", e.getMessage()));
    }

    private static List<Category> parse(JsonNode data) {
        List<Category> list = new ArrayList<>();
        for (JsonNode parent : data) {
            for (JsonNode child : parent.path("children")) {
                list.add(new Category(child.path("id").asInt(), parent.path("name").asString("") + " · "
                        + child.path("name").asString(""), child.path("desc").asString("")));
            }
        }
        return list;
    }

    public record Category(int id, String name, String description) {
    }
}
