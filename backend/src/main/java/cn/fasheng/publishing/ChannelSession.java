package cn.fasheng.publishing;

/**
 * What a call to a channel needs: the app's credentials and a current access token. {@code generation} says which
 * token this is, so that a rejected token is renewed once, by one instance. Never printed with its secrets.
 */
public record ChannelSession(Channel channel, String appId, String appSecret, String accessToken, long generation) {

    @Override
    public String toString() {
        return "ChannelSession[" + channel + ", appId=" + appId + ", generation=" + generation + "]";
    }
}
