package cn.fasheng.publishing;

/** Published when a channel can take posts again (connected, re-authorised, resumed): waiting posts go out. */
record ChannelAvailable(Channel channel) {
}
