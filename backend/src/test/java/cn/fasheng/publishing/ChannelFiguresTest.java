package cn.fasheng.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import cn.fasheng.content.ShanghaiTime;
import cn.fasheng.platform.jobs.JobLease;
import cn.fasheng.platform.jobs.JobQueue;
import cn.fasheng.platform.jobs.RetryJob;
import cn.fasheng.publishing.fake.FakeBilibili;
import cn.fasheng.publishing.fake.FakeWechat;
import cn.fasheng.support.ConsoleClient;
import cn.fasheng.support.FakeChannels;
import cn.fasheng.support.FashengAppTest;
import reactor.test.StepVerifier;

/**
 * The channels' figures for published posts, fetched from the (loopback) Bilibili and WeChat servers as their
 * documents describe: signed archive stats recorded as daily gains, WeChat article days fetched once each, a refused
 * token renewed once, a busy channel retried and a removed archive skipped.
 */
@FashengAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelFiguresTest {

    static final String STAT = "/arcopen/fn/data/arc/stat";
    static final String SUMMARY = "/datacube/getarticlesummary";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ChannelFiguresJob job;

    @Autowired
    ChannelFigures figures;

    @Autowired
    JobQueue jobs;

    ConsoleClient admin;
    FakeBilibili bilibili = FakeChannels.bilibili();
    FakeWechat wechat = FakeChannels.wechat();
    LocalDate today = LocalDate.now(ShanghaiTime.ZONE);

    @BeforeAll
    void people() {
        admin = ConsoleClient.admin(http);
    }

    @BeforeEach
    void freshChannels() {
        bilibili.reset();
        wechat.reset();
        mongo.remove(new Query(), ChannelPost.class).block();
        mongo.remove(new Query(), ChannelFigure.class).block();
        mongo.remove(new Query(), FetchedDays.FetchedDay.class).block();
        ChannelFixtures.connectBilibili(admin);
        ChannelFixtures.connectWechat(admin);
    }

    private ChannelPost post(Channel channel, String contentId, String title, PostState state, String remoteId, Instant updated) {
        ChannelPost post = new ChannelPost(null, contentId, title, "VIDEO", channel,
                new PostFields(title, "简介", List.of("普法"), 124, 1, null, "杨浦区司法局", null), updated, state, null, null,
                remoteId, null, null, null, List.of(), 0, "u", "编辑", updated, updated);
        return mongo.insert(post).block();
    }

    private void runRound() {
        job.handle(new ChannelFiguresJob.Payload("test"), new JobLease("job", ChannelFiguresJob.KEY, 1, 1)).block();
    }

    private ChannelFigure figure(Channel channel, ChannelPost post, LocalDate day) {
        return mongo.findById(ChannelFigure.id(channel, post.id(), day.toString()), ChannelFigure.class).block();
    }

    @Test
    void archiveCountersAreRecordedAsTheDaysGainAndARemovedArchiveIsSkipped() {
        ChannelPost video = post(Channel.BILIBILI, "content-bili-1", "防范电信诈骗四要点", PostState.PUBLISHED, "BV1stat", Instant.now());
        ChannelPost removed = post(Channel.BILIBILI, "content-bili-2", "已被删除的稿件", PostState.PUBLISHED, "BV1gone", Instant.now());
        post(Channel.BILIBILI, "content-bili-3", "还没发出的稿件", PostState.SCHEDULED, null, Instant.now());
        // Yesterday's reading, as an earlier round would have stored it.
        figures.recordTotals(video, today.minusDays(1), Map.of("view", 100L, "like", 5L, "share", 1L)).block();
        bilibili.archiveStat("BV1stat", Map.of("view", 120, "like", 8, "coin", 3, "favorite", 5, "share", 2, "reply", 4,
                "danmaku", 6, "his_rank", 0));

        runRound();

        ChannelFigure stored = figure(Channel.BILIBILI, video, today);
        assertThat(stored.contentId()).isEqualTo("content-bili-1");
        // What arrived is kept as it came, including a counter the project has no name for.
        assertThat(stored.reported()).containsEntry("view", 120L).containsEntry("his_rank", 0L).containsEntry("danmaku", 6L);
        assertThat(stored.gained()).containsEntry(ChannelFigures.VIEWS, 20L).containsEntry(ChannelFigures.LIKES, 3L)
                .containsEntry(ChannelFigures.COINS, 3L).containsEntry(ChannelFigures.SHARES, 1L)
                .containsEntry(ChannelFigures.COMMENTS, 4L).containsEntry(ChannelFigures.FAVORITES, 5L);
        assertThat(figure(Channel.BILIBILI, removed, today)).isNull();
        assertThat(bilibili.calls(STAT)).isEqualTo(2);
        assertThat(bilibili.signatureFailures()).isZero();
        assertThat(figures.between(today.minusDays(1), today).collectList().block())
                .extracting(f -> f.day() + ":" + f.get(ChannelFigures.VIEWS))
                .containsExactlyInAnyOrder(today.minusDays(1) + ":100", today + ":20");
        // The next round is planned.
        assertThat(jobs.find(ChannelFiguresJob.KEY).block().runAt()).isAfter(Instant.now().plus(Duration.ofHours(5)));
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndABusyChannelIsRetriedLater() {
        ChannelPost video = post(Channel.BILIBILI, "content-bili-4", "民法典里的相邻关系", PostState.PUBLISHED, "BV1renew", Instant.now());
        bilibili.archiveStat("BV1renew", Map.of("view", 42, "like", 1));
        bilibili.expireAccessTokens();

        runRound();

        assertThat(bilibili.refreshCalls()).isEqualTo(1);
        assertThat(figure(Channel.BILIBILI, video, today).gained()).containsEntry(ChannelFigures.VIEWS, 42L);

        bilibili.failNext(STAT, 127201, "服务繁忙", 1);
        StepVerifier.create(job.handle(new ChannelFiguresJob.Payload("test"), new JobLease("job", ChannelFiguresJob.KEY, 2, 1)))
                .expectError(RetryJob.class).verify(Duration.ofSeconds(30));
    }

    @Test
    void wechatArticleDaysAreFetchedOnceEachAndMatchedToThePostsByTitle() {
        ChannelPost article = post(Channel.WECHAT, "content-wx-1", "物业费纠纷怎么办", PostState.PUBLISHED, "article-1",
                Instant.now().minus(Duration.ofDays(4)));
        LocalDate day = today.minusDays(2);
        wechat.articleFigures(day, "2650001_1", "物业费纠纷怎么办", Map.of("int_page_read_user", 80, "int_page_read_count", 95,
                "share_user", 5, "share_count", 7, "add_to_fav_user", 3));
        wechat.articleFigures(day, "2650002_1", "别人的文章", Map.of("int_page_read_count", 999));

        runRound();

        ChannelFigure stored = figure(Channel.WECHAT, article, day);
        assertThat(stored.gained()).containsEntry(ChannelFigures.VIEWS, 95L).containsEntry(ChannelFigures.READERS, 80L)
                .containsEntry(ChannelFigures.SHARES, 7L).containsEntry(ChannelFigures.FAVORITES, 3L);
        assertThat(mongo.count(new Query(), ChannelFigure.class).block()).isEqualTo(1);
        int asked = wechat.calls(SUMMARY);
        assertThat(asked).isBetween(3, 4);

        runRound();

        assertThat(wechat.calls(SUMMARY)).as("days already answered are not asked again").isEqualTo(asked);
    }
}
