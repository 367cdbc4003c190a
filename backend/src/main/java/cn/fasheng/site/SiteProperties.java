package cn.fasheng.site;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The column's identity and the government-site items every public page carries (footer and meta tags).
 * Blank items are left out of the footer rather than shown empty.
 */
@ConfigurationProperties("fasheng.site")
public record SiteProperties(
        String columnName,
        String tagline,
        String siteName,
        String siteDomain,
        String siteIdCode,
        String sponsor,
        String icpNumber,
        String policeNumber,
        String policeNumberCode,
        String contactAddress,
        String contactPhone,
        String contactEmail) {

    public String policeRecordUrl() {
        return isBlank(policeNumberCode) ? null
                : "https://beian.mps.gov.cn/#/query/webSearch?code=" + policeNumberCode;
    }

    public boolean hasContact() {
        return !isBlank(contactAddress) || !isBlank(contactPhone) || !isBlank(contactEmail);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
