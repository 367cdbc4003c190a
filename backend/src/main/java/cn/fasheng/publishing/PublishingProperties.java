package cn.fasheng.publishing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the channels are and how patiently to talk to them. Every base URL is configurable: each Bilibili host has
 * a {@code uat-} test twin, and the tests point all of them at loopback fakes.
 *
 * @param requestTimeout     one API call (a submit that takes longer counts as "outcome unknown")
 * @param uploadTimeout      one 8 MB part or one material upload
 * @param renewTokensBefore  renew a token this long before it expires
 * @param reviewPollInterval first wait before asking about a submitted post again (grows up to an hour)
 * @param settleWindow       how long a WeChat publication whose answer was lost is looked for before it is
 *                           submitted again (a publication takes a while to appear in the published list)
 * @param heldRetry          how often a post waiting for its channel checks whether the channel is back
 * @param concurrency        posts one instance sends at once
 * @param figuresEvery       how often the channels' figures for published posts are fetched
 */
@ConfigurationProperties("fasheng.publishing")
public record PublishingProperties(Duration requestTimeout, Duration uploadTimeout, Duration renewTokensBefore,
        Duration reviewPollInterval, Duration settleWindow, Duration heldRetry, int concurrency, Duration figuresEvery,
        Bilibili bilibili, Wechat wechat) {

    public PublishingProperties {
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        uploadTimeout = uploadTimeout == null ? Duration.ofMinutes(3) : uploadTimeout;
        renewTokensBefore = renewTokensBefore == null ? Duration.ofMinutes(5) : renewTokensBefore;
        reviewPollInterval = reviewPollInterval == null ? Duration.ofMinutes(1) : reviewPollInterval;
        settleWindow = settleWindow == null ? Duration.ofMinutes(10) : settleWindow;
        heldRetry = heldRetry == null ? Duration.ofMinutes(10) : heldRetry;
        // Below the job queue's own total (4 by default), so posts never hold up timed column publications.
        concurrency = concurrency <= 0 ? 3 : concurrency;
        figuresEvery = figuresEvery == null ? Duration.ofHours(6) : figuresEvery;
        bilibili = bilibili == null ? new Bilibili(null, null, null, null, null, null) : bilibili;
        wechat = wechat == null ? new Wechat(null) : wechat;
    }

    /** How soon to look again for a submission whose answer was lost, within the settle window. */
    public Duration lookAgainAfter() {
        Duration quarter = settleWindow.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(30)) < 0 ? quarter : Duration.ofSeconds(30);
    }

    /**
     * @param consentUrl    the user-consent page (UNCERTAIN in the contract; chosen: account.bilibili.com's
     *                      {@code /pc/account-pc/auth/oauth} with client_id, gourl and state)
     * @param rejectedStates archive states that mean the review turned the video down (0 is open; others pending)
     */
    public record Bilibili(String apiUrl, String uploadUrl, String tokenUrl, String consentUrl,
            List<Integer> rejectedStates, Integer defaultTid) {

        public Bilibili {
            apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://member.bilibili.com" : strip(apiUrl);
            uploadUrl = uploadUrl == null || uploadUrl.isBlank() ? "https://openupos.bilivideo.com" : strip(uploadUrl);
            tokenUrl = tokenUrl == null || tokenUrl.isBlank() ? "https://api.bilibili.com" : strip(tokenUrl);
            consentUrl = consentUrl == null || consentUrl.isBlank()
                    ? "https://account.bilibili.com/pc/account-pc/auth/oauth" : consentUrl.strip();
            rejectedStates = rejectedStates == null || rejectedStates.isEmpty() ? List.of(-2, -3, -4, -16, -100)
                    : List.copyOf(rejectedStates);
            defaultTid = defaultTid == null ? 124 : defaultTid;
        }
    }

    public record Wechat(String apiUrl) {

        public Wechat {
            apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.weixin.qq.com" : strip(apiUrl);
        }
    }

    private static String strip(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
