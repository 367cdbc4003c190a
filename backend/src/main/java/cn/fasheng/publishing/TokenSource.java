package cn.fasheng.publishing;

import reactor.core.publisher.Mono;

/** How one channel issues a new access token: Bilibili by its single-use refresh token, WeChat by AppID + AppSecret. */
public interface TokenSource {

    Channel channel();

    /**
     * @param refreshToken the current refresh token, where the channel has one
     * @param forced       the current token was refused: ask for a new one, not the cached one
     */
    Mono<TokenGrant> renew(String appId, String appSecret, String refreshToken, boolean forced);
}
