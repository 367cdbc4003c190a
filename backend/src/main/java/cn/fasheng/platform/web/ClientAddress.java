package cn.fasheng.platform.web;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/** The caller's address as recorded in the audit log and used for login throttling. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
