package cn.fasheng.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The test client opens a new connection to 127.0.0.1 for every request. The client and the server share
 * one JVM and Reactor Netty's event loops here, and a pooled keep-alive connection occasionally stalled a
 * request for the full timeout on CI-sized machines; keep-alive between a real browser and the server is
 * exercised by the browser tests.
 */
@TestConfiguration(proxyBeanMethods = false)
class FreshConnectionClient {

    @Bean
    WebTestClientBuilderCustomizer freshConnectionPerRequest(Environment environment) {
        return builder -> builder
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")
                        + environment.getProperty("spring.webflux.base-path", ""))
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())));
    }
}
