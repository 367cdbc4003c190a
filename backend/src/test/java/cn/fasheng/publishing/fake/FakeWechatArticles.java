package cn.fasheng.publishing.fake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import cn.fasheng.publishing.fake.FakeChannelServer.ChannelError;
import cn.fasheng.publishing.fake.FakeWechat.Article;
import cn.fasheng.publishing.fake.FakeWechat.Draft;
import cn.fasheng.publishing.fake.FakeWechat.Publication;
import tools.jackson.databind.JsonNode;

/** Drafts and publications of the fake WeChat account. */
final class FakeWechatArticles {

    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\ssrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);

    /** One submission; the status is derived from the clock so "publishing" ends by itself. */
    private record Job(String publishId, long msgDataId, Draft draft, Instant submitted, Instant done, int outcome,
            String articleId, String articleUrl) {

        int status(Instant now) {
            return now.isBefore(done) ? 1 : outcome;
        }

        String url(int idx) {
            return idx == 1 ? articleUrl : articleUrl + "?idx=" + idx;
        }
    }

    private final Predicate<String> permanentImage;
    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();
    private final List<String> draftOrder = new ArrayList<>();
    private final Set<String> unpublished = ConcurrentHashMap.newKeySet();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<String> jobOrder = new ArrayList<>();
    private final AtomicInteger externalImages = new AtomicInteger();
    private final AtomicInteger nextOutcome = new AtomicInteger();
    private final AtomicLong publishIds = new AtomicLong(2_247_483_000L);
    private volatile Duration publishDelay = Duration.ZERO;

    FakeWechatArticles(Predicate<String> permanentImage) {
        this.permanentImage = permanentImage;
    }

    String addDraft(JsonNode body) {
        JsonNode list = body.get("articles");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ChannelError(40097, "invalid args: articles is required");
        }
        List<Article> articles = new ArrayList<>();
        for (JsonNode node : list) {
            articles.add(article(node));
        }
        int external = 0;
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            Matcher img = IMG.matcher(a.content());
            StringBuilder kept = new StringBuilder();
            while (img.find()) {
                boolean foreign = foreign(img.group());
                external += foreign ? 1 : 0;
                img.appendReplacement(kept, foreign ? "" : Matcher.quoteReplacement(img.group()));
            }
            img.appendTail(kept);
            articles.set(i, new Article(a.title(), a.author(), a.digest(), kept.toString(), a.sourceUrl(),
                    a.thumbMediaId(), a.needOpenComment(), a.onlyFansCanComment()));
        }
        externalImages.addAndGet(external);
        Draft draft = new Draft(FakeBilibili.randomAlphanumeric(43), List.copyOf(articles), Instant.now());
        synchronized (draftOrder) {
            drafts.put(draft.mediaId(), draft);
            draftOrder.add(draft.mediaId());
        }
        unpublished.add(draft.mediaId());
        return draft.mediaId();
    }

    Map<String, Object> submit(JsonNode body) {
        String mediaId = FakeRequest.text(body, "media_id");
        if (mediaId == null || !unpublished.remove(mediaId)) {
            throw new ChannelError(40007, "invalid media_id");
        }
        Instant now = Instant.now();
        int outcome = nextOutcome.getAndSet(0);
        long id = publishIds.incrementAndGet();
        Job job = new Job(String.valueOf(id), id + 1_000_000L, drafts.get(mediaId), now, now.plus(publishDelay),
                outcome, outcome == 0 ? randomToken(32) : null,
                outcome == 0 ? "https://mp.weixin.qq.com/s/" + randomToken(16) : null);
        synchronized (jobOrder) {
            jobs.put(job.publishId(), job);
            jobOrder.add(job.publishId());
        }
        return FakeChannelServer.obj("publish_id", job.publishId(), "msg_data_id", job.msgDataId());
    }

    Map<String, Object> status(JsonNode body) {
        String publishId = FakeRequest.text(body, "publish_id");
        Job job = publishId == null ? null : jobs.get(publishId);
        if (job == null) {
            throw new ChannelError(40007, "invalid publish_id");
        }
        int status = job.status(Instant.now());
        int count = job.draft().articles().size();
        Map<String, Object> result = FakeChannelServer.obj("publish_id", job.publishId(), "publish_status", status);
        if (status == 0) {
            result.put("article_id", job.articleId());
            result.put("article_detail", FakeChannelServer.obj("count", count, "item", IntStream.rangeClosed(1, count)
                    .mapToObj(idx -> FakeChannelServer.obj("idx", idx, "article_url", job.url(idx))).toList()));
        }
        result.put("fail_idx", status >= 2 ? IntStream.rangeClosed(1, count).boxed().toList() : List.of());
        return result;
    }

    Map<String, Object> batchGet(JsonNode body) {
        int offset = body.path("offset").asInt(0);
        int count = body.path("count").asInt(0);
        boolean noContent = body.path("no_content").asInt(0) == 1;
        if (offset < 0 || count < 1 || count > 20) {
            throw new ChannelError(40097, "invalid args: offset " + offset + ", count " + count);
        }
        Instant now = Instant.now();
        List<Job> published = jobs(true).stream().filter(j -> j.status(now) == 0).toList();
        List<Map<String, Object>> items = published.stream().skip(offset).limit(count).map(job -> {
            List<Article> articles = job.draft().articles();
            List<Map<String, Object>> news = IntStream.range(0, articles.size()).mapToObj(i -> {
                Article a = articles.get(i);
                Map<String, Object> item = FakeChannelServer.obj("title", a.title(), "author", a.author(),
                        "digest", a.digest(), "url", job.url(i + 1), "thumb_media_id", a.thumbMediaId(),
                        "content_source_url", a.sourceUrl(), "is_deleted", false);
                if (!noContent) {
                    item.put("content", a.content());
                }
                return item;
            }).toList();
            long updated = job.done().getEpochSecond();
            return FakeChannelServer.obj("article_id", job.articleId(), "content", FakeChannelServer.obj(
                    "news_item", news, "create_time", job.submitted().getEpochSecond(), "update_time", updated),
                    "update_time", updated);
        }).toList();
        return FakeChannelServer.obj("total_count", published.size(), "item_count", items.size(), "item", items);
    }

    List<Draft> drafts() {
        synchronized (draftOrder) {
            return draftOrder.stream().map(drafts::get).toList();
        }
    }

    List<Publication> publications() {
        Instant now = Instant.now();
        return jobs(false).stream().map(job -> {
            Article first = job.draft().articles().get(0);
            int status = job.status(now);
            return new Publication(job.publishId(), status == 0 ? job.articleId() : null, first.title(),
                    first.content(), first.sourceUrl(), first.thumbMediaId(), status,
                    status == 0 ? job.articleUrl() : null, job.submitted());
        }).toList();
    }

    int externalImagesSeen() {
        return externalImages.get();
    }

    void publishDelay(Duration delay) {
        publishDelay = delay;
    }

    void nextPublishOutcome(int status) {
        nextOutcome.set(status);
    }

    void reset() {
        synchronized (draftOrder) {
            drafts.clear();
            draftOrder.clear();
        }
        unpublished.clear();
        synchronized (jobOrder) {
            jobs.clear();
            jobOrder.clear();
        }
        externalImages.set(0);
        nextOutcome.set(0);
        publishDelay = Duration.ZERO;
    }

    private List<Job> jobs(boolean newestFirst) {
        synchronized (jobOrder) {
            List<Job> ordered = new ArrayList<>(jobOrder.stream().map(jobs::get).toList());
            if (newestFirst) {
                Collections.reverse(ordered);
            }
            return ordered;
        }
    }

    private Article article(JsonNode node) {
        String type = FakeRequest.text(node, "article_type");
        if (type != null && !type.equals("news") && !type.equals("newspic")) {
            throw new ChannelError(40097, "invalid args: article_type " + type);
        }
        String title = FakeRequest.text(node, "title");
        String author = orEmpty(FakeRequest.text(node, "author"));
        String digest = orEmpty(FakeRequest.text(node, "digest"));
        String content = FakeRequest.text(node, "content");
        String thumb = FakeRequest.text(node, "thumb_media_id");
        if (title == null || title.isBlank()) {
            throw new ChannelError(40097, "invalid args: title is required");
        }
        if (length(title) > 32) {
            throw new ChannelError(45003, "title size out of limit");
        }
        if (length(author) > 16) {
            throw new ChannelError(45110, "author size out of limit");
        }
        if (length(digest) > 128) {
            throw new ChannelError(45004, "description size out of limit");
        }
        if (content == null || content.isBlank()) {
            throw new ChannelError(44004, "empty content");
        }
        if (length(content) >= 20_000 || content.getBytes(StandardCharsets.UTF_8).length >= 1024 * 1024) {
            throw new ChannelError(45002, "content size out of limit");
        }
        if (content.toLowerCase().contains("<script")) {
            throw new ChannelError(45166, "invalid content: script is not allowed");
        }
        if (!permanentImage.test(thumb)) {
            throw new ChannelError(40007, "invalid media_id");
        }
        return new Article(title, author, digest, content, FakeRequest.text(node, "content_source_url"), thumb,
                flag(node.get("need_open_comment")), flag(node.get("only_fans_can_comment")));
    }

    private static boolean foreign(String imgTag) {
        Matcher src = SRC.matcher(imgTag);
        if (!src.find()) {
            return false;
        }
        String url = src.group(1) != null ? src.group(1) : src.group(2) != null ? src.group(2) : src.group(3);
        return !url.startsWith("http://mmbiz.qpic.cn/") && !url.startsWith("https://mmbiz.qpic.cn/");
    }

    private static boolean flag(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        return node.isBoolean() ? node.booleanValue() : node.asInt(0) != 0;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
