package cn.fasheng.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on its embedded MongoDB and S3 servers (a fresh data directory
 * per test run) and the bundled FFmpeg. Classes with this annotation share one running application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fasheng.data-dir=test-data/app-${random.uuid}",
        "fasheng.accounts.admin-username=" + TestAccounts.ADMIN,
        "fasheng.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "fasheng.site.site-id-code=3101100099",
        "fasheng.site.icp-number=沪ICP备00000000号-1",
        "fasheng.site.police-number=沪公网安备 31011002000000号",
        "fasheng.site.police-number-code=31011002000000",
        "fasheng.site.contact-phone=021-00000000",
        "fasheng.jobs.poll-interval=500ms",
        "fasheng.jobs.retry-backoff=1s",
        "fasheng.publishing.request-timeout=3s",
        "fasheng.publishing.upload-timeout=10s",
        "fasheng.publishing.review-poll-interval=1s",
        "fasheng.publishing.settle-window=8s",
        "fasheng.publishing.held-retry=2s",
        "fasheng.content.import-private-hosts=true"})
// Generous: the first calls on a 2-core CI machine run while the JIT is still warming up.
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(FreshConnectionClient.class)
@ContextConfiguration(initializers = FakeChannels.class)
public @interface FashengAppTest {
}
