package cn.fasheng.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class PublicAddressResolverTest {

    @Test
    void internalAddressesAreRefusedAndPublicOnesAllowed() throws UnknownHostException {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "0.0.0.0", "::1", "fd12:3456::1", "fe80::1", "localhost"}) {
            assertThatThrownBy(() -> PublicAddressResolver.allowed(internal)).as(internal)
                    .isInstanceOf(UnknownHostException.class).hasMessageContaining("内部网络");
        }
        assertThat(PublicAddressResolver.allowed("202.96.209.5")).hasSize(1);
        assertThat(PublicAddressResolver.allowed("2001:db8::1")).hasSize(1);
    }
}
