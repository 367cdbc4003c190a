package cn.fasheng.publishing.wechat;

import java.time.Duration;
import java.util.Map;

import cn.fasheng.publishing.ChannelException;
import cn.fasheng.publishing.ChannelException.Kind;

/** WeChat's error codes: what each means for a retry, and what the editor is told. */
final class WechatCodes {

    static final int BAD_MEDIA_ID = 40007;

    private static final Map<Integer, String> EXPLANATIONS = Map.ofEntries(
            Map.entry(-1, "微信系统繁忙，稍后自动重试"),
            Map.entry(45009, "微信接口调用已达当日上限，次日零点后自动重试"),
            Map.entry(40001, "微信访问令牌无效"),
            Map.entry(40014, "微信访问令牌不合法"),
            Map.entry(42001, "微信访问令牌已过期"),
            Map.entry(40013, "AppID 不正确，请管理员核对公众号的开发者 ID"),
            Map.entry(40125, "AppSecret 不正确，请管理员核对或重置公众号的开发者密码"),
            Map.entry(40164, "本服务器的出口 IP 不在公众号的 IP 白名单中：请管理员在公众平台“设置与开发 → 基本配置”中把它加入白名单，然后重试"),
            Map.entry(45003, "标题超过微信的长度上限"),
            Map.entry(45004, "摘要超过微信的长度上限"),
            Map.entry(45110, "作者超过微信的长度上限"),
            Map.entry(45002, "正文超过微信的长度上限"),
            Map.entry(40005, "文件类型不被微信接受"),
            Map.entry(40006, "文件大小超过微信的上限"),
            Map.entry(40007, "微信素材或草稿无效"),
            Map.entry(53503, "草稿未通过微信的发布检查，请在公众平台查看原因后修改"),
            Map.entry(53504, "微信要求在公众平台网页上使用此草稿，请到公众平台发表"),
            Map.entry(53505, "微信要求先在公众平台手动保存此草稿，请到公众平台处理后发表"));

    private WechatCodes() {
    }

    static ChannelException error(int code, String message, String stage, Duration retryAfter) {
        Kind kind = switch (code) {
            case -1, 45009 -> Kind.BUSY;
            case 40001, 40014, 42001 -> Kind.AUTH;
            default -> Kind.PERMANENT;
        };
        String explanation = EXPLANATIONS.getOrDefault(code, "微信返回错误");
        String detail = message == null || message.isBlank() ? "" : "（" + message + "）";
        return new ChannelException(kind, Integer.toString(code), stage + "：" + explanation + detail, retryAfter);
    }

    /** Wrong AppID or AppSecret: the account needs its credentials entered again. */
    static boolean badCredentials(String code) {
        return "40013".equals(code) || "40125".equals(code);
    }

    /** freepublish/get's publish_status, as the editor reads it. */
    static String publishStatus(int status) {
        return switch (status) {
            case 2 -> "原创声明校验未通过";
            case 3 -> "发布失败（常规失败）";
            case 4 -> "未通过微信平台审核";
            case 5 -> "已发布，但随后被删除";
            case 6 -> "已发布，但随后被封禁";
            default -> "发布状态 " + status;
        };
    }
}
