package cn.fasheng.publishing.wechat;

import org.springframework.stereotype.Component;

import cn.fasheng.publishing.Channel;
import cn.fasheng.publishing.ChannelException;
import cn.fasheng.publishing.TokenGrant;
import cn.fasheng.publishing.TokenSource;
import reactor.core.publisher.Mono;

/**
 * The stable access token: without force it answers the token still valid (so instances agree); forced only after
 * a refusal, and WeChat allows that 20 times a day. Wrong AppID or AppSecret counts as an authorisation error.
 */
@Component
class WechatTokens implements TokenSource {

    private final WechatApi api;

    WechatTokens(WechatApi api) {
        this.api = api;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public Mono<TokenGrant> renew(String appId, String appSecret, String refreshToken, boolean forced) {
        return api.stableToken(appId, appSecret, forced).onErrorMap(ChannelException.class, e -> WechatCodes.badCredentials(e.code())
                ? new ChannelException(ChannelException.Kind.AUTH, e.code(), e.getMessage()) : e);
    }
}
