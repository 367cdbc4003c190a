package cn.fasheng.publishing.bilibili;

import java.util.Map;

import cn.fasheng.publishing.ChannelException;
import cn.fasheng.publishing.ChannelException.Kind;

/** The Open Platform's error codes: what each means for a retry, and what the editor is told. */
final class BilibiliCodes {

    static final int BAD_UPLOAD_TOKEN = 127022;

    private static final Map<Integer, String> EXPLANATIONS = Map.ofEntries(
            Map.entry(127201, "B站服务繁忙，稍后自动重试"),
            Map.entry(127009, "B站接口调用过于频繁，稍后自动重试"),
            Map.entry(127001, "B站访问令牌无效或已过期"),
            Map.entry(127011, "B站账号未授权本应用，请管理员重新授权"),
            Map.entry(122007, "B站刷新令牌无效，请管理员重新授权"),
            Map.entry(127100, "提交的参数不符合B站要求，请检查标题、简介、标签和分区"),
            Map.entry(127102, "文件类型不被B站接受（视频须为 MP4 或 FLV，封面须为 JPEG 或 PNG）"),
            Map.entry(127207, "所选分区在B站不可用，请换一个分区"),
            Map.entry(127022, "B站上传凭证无效或已过期，将重新上传"),
            Map.entry(127200, "B站业务错误"),
            Map.entry(127004, "B站应用 client_id 无效，请管理员检查应用配置"),
            Map.entry(127005, "B站机构认证未通过，请联系B站开放平台"),
            Map.entry(127006, "B站应用未通过审核，请联系B站开放平台"),
            Map.entry(127007, "B站应用没有投稿权限（需要 ARC_BASE 权限）"));

    private BilibiliCodes() {
    }

    static ChannelException error(int code, String message, String stage, java.time.Duration retryAfter) {
        Kind kind = switch (code) {
            case 127201, 127009 -> Kind.BUSY;
            case 127001, 127011, 122007 -> Kind.AUTH;
            default -> Kind.PERMANENT;
        };
        String explanation = EXPLANATIONS.getOrDefault(code, "B站返回错误");
        String detail = message == null || message.isBlank() || message.equals("0") ? "" : "（" + message + "）";
        return new ChannelException(kind, Integer.toString(code), stage + "：" + explanation + detail, retryAfter);
    }
}
