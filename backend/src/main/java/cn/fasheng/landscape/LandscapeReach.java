package cn.fasheng.landscape;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.fasheng.reach.ReachTarget;
import cn.fasheng.reach.ReachTargetSource;
import reactor.core.publisher.Mono;

/** Micro-landscape site pages as counted pages, with the scans of their printed QR codes. */
@Component
class LandscapeReach implements ReachTargetSource {

    private final SiteRepository sites;
    private final SiteScans scans;

    LandscapeReach(SiteRepository sites, SiteScans scans) {
        this.sites = sites;
        this.scans = scans;
    }

    @Override
    public ReachTarget target() {
        return ReachTarget.SITE;
    }

    @Override
    public Mono<Map<String, Page>> describe(Collection<String> ids) {
        return sites.findAllById(ids).collectMap(LandscapeSite::id,
                site -> new Page(site.id(), site.name(), site.street(), List.of(), "/landscape/" + site.slug()));
    }

    @Override
    public Mono<Map<String, Long>> qrScans(LocalDate from, LocalDate to) {
        return scans.between(from, to);
    }
}
