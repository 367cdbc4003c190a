package cn.fasheng.support;

import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import cn.fasheng.publishing.fake.FakeBilibili;
import cn.fasheng.publishing.fake.FakeWechat;

/**
 * One fake Bilibili and one fake WeChat server on loopback for the whole test run; every application the tests
 * start (and any other instance) is pointed at them. Tests reset them and connect accounts as they need.
 */
public final class FakeChannels implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static FakeBilibili bilibili;
    private static FakeWechat wechat;

    public static synchronized FakeBilibili bilibili() {
        if (bilibili == null) {
            bilibili = FakeBilibili.start();
        }
        return bilibili;
    }

    public static synchronized FakeWechat wechat() {
        if (wechat == null) {
            wechat = FakeWechat.start();
        }
        return wechat;
    }

    /** The settings that point an application at the fakes (as name=value). */
    public static List<String> settings() {
        String b = bilibili().baseUrl();
        return List.of("fasheng.publishing.bilibili.api-url=" + b, "fasheng.publishing.bilibili.upload-url=" + b,
                "fasheng.publishing.bilibili.token-url=" + b,
                "fasheng.publishing.bilibili.consent-url=" + b + "/pc/account-pc/auth/oauth",
                "fasheng.publishing.wechat.api-url=" + wechat().baseUrl());
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(settings()).applyTo(context);
    }
}
