package cn.fasheng.publishing.fake;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import cn.fasheng.publishing.fake.FakeBilibili.Archive;
import cn.fasheng.publishing.fake.FakeChannelServer.ChannelError;
import tools.jackson.databind.JsonNode;

/** The body of add-by-utoken, checked against the contract's limits, and how archives are described back. */
record FakeBilibiliSubmission(String title, String cover, int tid, String desc, String tag, int copyright,
        String source) {

    static FakeBilibiliSubmission parse(JsonNode body, Set<Integer> tids) {
        String title = FakeRequest.text(body, "title");
        String desc = orEmpty(FakeRequest.text(body, "desc"));
        String tag = orEmpty(FakeRequest.text(body, "tag"));
        String source = FakeRequest.text(body, "source");
        if (title == null || title.isBlank() || length(title) >= 80) {
            throw new ChannelError(127100, "标题为空或不少于80字: " + (title == null ? 0 : length(title)));
        }
        if (length(desc) >= 250) {
            throw new ChannelError(127100, "简介不少于250字: " + length(desc));
        }
        // "Tags together": the separators are not counted.
        int tagChars = Arrays.stream(tag.split(",")).mapToInt(t -> length(t.trim())).sum();
        if (tagChars >= 200) {
            throw new ChannelError(127100, "标签合计不少于200字: " + tagChars);
        }
        int tid = integer(body, "tid");
        if (!tids.contains(tid)) {
            throw new ChannelError(127207, "分区不可用: " + tid);
        }
        int copyright = integer(body, "copyright");
        if (copyright != 1 && copyright != 2) {
            throw new ChannelError(127100, "copyright无效: " + copyright);
        }
        if (copyright == 2 && (source == null || source.isBlank())) {
            throw new ChannelError(127100, "转载稿件需填写source");
        }
        return new FakeBilibiliSubmission(title, FakeRequest.text(body, "cover"), tid, desc, tag, copyright, source);
    }

    /** The view / viewlist object for an archive; viewlist adds ctime. */
    static Map<String, Object> describe(Archive archive, boolean withCtime) {
        Map<String, Object> described = FakeChannelServer.obj(
                "resource_id", archive.resourceId(),
                "title", archive.title(),
                "addit_info", FakeChannelServer.obj("state", archive.state(), "state_desc", stateDesc(archive.state()),
                        "reject_reason", archive.rejectReason()),
                "video_info", FakeChannelServer.obj("share_url", "https://www.bilibili.com/video/" + archive.resourceId(),
                        "cover", archive.cover()));
        if (withCtime) {
            described.put("ctime", archive.created().getEpochSecond());
        }
        return described;
    }

    private static String stateDesc(int state) {
        return switch (state) {
            case 0 -> "已开放浏览";
            case -1 -> "审核中";
            case -2 -> "已打回";
            default -> "状态" + state;
        };
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static int integer(JsonNode body, String field) {
        String value = FakeRequest.text(body, field);
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        }
        catch (NumberFormatException e) {
            throw new ChannelError(127100, field + "无效: " + value);
        }
    }
}
