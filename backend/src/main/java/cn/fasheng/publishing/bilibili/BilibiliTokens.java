package cn.fasheng.publishing.bilibili;

import org.springframework.stereotype.Component;

import cn.fasheng.publishing.Channel;
import cn.fasheng.publishing.ChannelException;
import cn.fasheng.publishing.TokenGrant;
import cn.fasheng.publishing.TokenSource;
import reactor.core.publisher.Mono;

/** A new Bilibili access token comes only from the refresh token, which then stops working. */
@Component
class BilibiliTokens implements TokenSource {

    private final BilibiliApi api;

    BilibiliTokens(BilibiliApi api) {
        this.api = api;
    }

    @Override
    public Channel channel() {
        return Channel.BILIBILI;
    }

    @Override
    public Mono<TokenGrant> renew(String appId, String appSecret, String refreshToken, boolean forced) {
        if (refreshToken == null) {
            return Mono.error(new ChannelException(ChannelException.Kind.AUTH, "NO_REFRESH_TOKEN", "B站账号尚未授权"));
        }
        return api.refresh(appId, appSecret, refreshToken);
    }
}
