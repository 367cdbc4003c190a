package cn.fasheng.content;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/**
 * Resolves host names for the HTML importer's image downloads and refuses any that lead into the server's own
 * networks (loopback, private, link-local, carrier-grade NAT, IPv6 unique-local). The check happens at the
 * resolution the connection uses, so a name cannot pass it and then be re-resolved to an internal address.
 */
final class PublicAddressResolver extends AddressResolverGroup<InetSocketAddress> {

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
            @Override
            protected void doResolve(String host, Promise<InetAddress> promise) {
                try {
                    promise.setSuccess(allowed(host).get(0));
                }
                catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            }

            @Override
            protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                try {
                    promise.setSuccess(allowed(host));
                }
                catch (UnknownHostException e) {
                    promise.setFailure(e);
                }
            }
        });
    }

    static List<InetAddress> allowed(String host) throws UnknownHostException {
        List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(host));
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new UnknownHostException("不能从内部网络地址获取图片：" + host);
            }
        }
        return addresses;
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8
            return (bytes[0] == 100 && (bytes[1] & 0xC0) == 64) || bytes[0] == 0;
        }
        // fc00::/7 unique-local
        return address instanceof Inet6Address && (bytes[0] & 0xFE) == 0xFC;
    }
}
