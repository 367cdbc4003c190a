package cn.fasheng.landscape;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.content.ContentService;
import cn.fasheng.landscape.LandscapeRequests.SaveSite;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.ForbiddenException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.error.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creating, editing and removing sites. Putting a site on the column (or taking it off) and deleting one are a
 * reviewer's or administrator's decision; the short code printed in a site's QR code is assigned once.
 */
@Service
class SiteService {

    private static final String CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SiteRepository sites;
    private final CatalogService catalog;
    private final SiteRules rules;
    private final ContentService content;
    private final SiteScans scans;
    private final AuditLog audit;
    private final Clock clock;

    SiteService(SiteRepository sites, CatalogService catalog, SiteRules rules, ContentService content, SiteScans scans,
            AuditLog audit, Clock clock) {
        this.sites = sites;
        this.catalog = catalog;
        this.rules = rules;
        this.content = content;
        this.scans = scans;
        this.audit = audit;
        this.clock = clock;
    }

    Flux<LandscapeSite> all() {
        return sites.findAllByOrderByStreetAscNameAsc();
    }

    Mono<LandscapeSite> get(String id) {
        return sites.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException("微景观不存在或已被删除")));
    }

    Mono<LandscapeSite> create(SaveSite request, ConsolePrincipal user, String ip) {
        guardPublication(null, request.published(), user);
        return check(request).then(Mono.defer(() -> prepare(request)))
                .flatMap(site -> slugFree(site.slug(), null).then(sites.save(site)))
                .onErrorMap(DuplicateKeyException.class, e -> new ConflictException("地址名或短码刚被他人占用，请重新保存"))
                .flatMap(saved -> audit.record(user.username(), LandscapeAction.SITE_CREATE, saved.id(), ip, saved.name())
                        .thenReturn(saved));
    }

    /**
     * A new site, not yet stored, under a short code no site has; without an address name, the code is its address.
     */
    Mono<LandscapeSite> prepare(SaveSite request) {
        return freeCode(0).map(code -> build(null, request, StringUtils.hasText(request.slug()) ? request.slug().strip()
                : "site-" + code, code));
    }

    private Mono<String> freeCode(int attempt) {
        String code = newCode();
        return sites.findByCode(code).hasElement().flatMap(taken -> !taken ? Mono.just(code)
                : attempt < 10 ? freeCode(attempt + 1) : Mono.error(new IllegalStateException("短码空间不足")));
    }

    Mono<LandscapeSite> update(String id, SaveSite request, ConsolePrincipal user, String ip) {
        return get(id).flatMap(existing -> {
            if (!Objects.equals(existing.version(), request.version())) {
                return Mono.error(new ConflictException("该微景观已被他人修改，请刷新后重试"));
            }
            guardPublication(existing, request.published(), user);
            String slug = StringUtils.hasText(request.slug()) ? request.slug().strip() : existing.slug();
            return check(request).then(slugFree(slug, existing.id()))
                    .then(Mono.defer(() -> sites.save(build(existing, request, slug, existing.code()))))
                    .onErrorMap(DuplicateKeyException.class, e -> new InvalidRequestException("slug", "地址名已被其他微景观使用"))
                    .onErrorMap(OptimisticLockingFailureException.class, e -> new ConflictException("该微景观已被他人修改，请刷新后重试"))
                    .flatMap(saved -> audit.record(user.username(), existing.published() != saved.published()
                            ? LandscapeAction.SITE_PUBLISH : LandscapeAction.SITE_EDIT, saved.id(), ip,
                            saved.name() + (existing.published() != saved.published() ? (saved.published() ? "：公开" : "：撤下") : ""))
                            .thenReturn(saved));
        });
    }

    Mono<Void> delete(String id, ConsolePrincipal user, String ip) {
        if (!user.reviewsOrAdministers()) {
            return Mono.error(new ForbiddenException("删除微景观需审核人员或管理员操作"));
        }
        return get(id).flatMap(site -> sites.delete(site)
                .onErrorMap(OptimisticLockingFailureException.class, e -> new ConflictException("该微景观刚被他人修改，请刷新后再删除"))
                .then(scans.forget(site.id()))
                .then(audit.record(user.username(), LandscapeAction.SITE_DELETE, id, ip, site.name())));
    }

    /** Every check of a request: the rules, then that the related items exist. */
    Mono<Void> check(SaveSite request) {
        return catalog.get().flatMap(current -> {
            List<SiteRules.Problem> problems = rules.problems(request, current);
            if (!problems.isEmpty()) {
                return Mono.error(new InvalidRequestException(problems.get(0).field(), problems.get(0).message()));
            }
            List<String> related = request.relatedContentIds() == null ? List.of() : request.relatedContentIds();
            return Flux.fromIterable(related).concatMap(contentId -> content.get(contentId)
                    .onErrorMap(NotFoundException.class, e -> new InvalidRequestException("relatedContentIds", "关联的内容不存在或已被删除")))
                    .then();
        });
    }

    /** An address name stays reserved for the site that once had it, so that old links never lead elsewhere. */
    private Mono<Void> slugFree(String slug, String siteId) {
        return sites.findBySlug(slug).concatWith(sites.findByFormerSlugs(slug))
                .filter(other -> !other.id().equals(siteId))
                .next()
                .flatMap(other -> Mono.<Void>error(new InvalidRequestException("slug", "地址名已被微景观“" + other.name() + "”使用过")));
    }

    LandscapeSite build(LandscapeSite existing, SaveSite r, String slug, String code) {
        Instant now = clock.instant();
        List<String> former = new ArrayList<>(existing == null || existing.formerSlugs() == null ? List.of() : existing.formerSlugs());
        if (existing != null && !existing.slug().equals(slug) && !former.contains(existing.slug())) {
            former.add(existing.slug());
        }
        former.remove(slug);
        List<LandscapeSite.SitePhoto> photos = r.photos() == null ? List.of() : r.photos().stream()
                .map(p -> new LandscapeSite.SitePhoto(p.url(), p.thumbUrl(), p.largeUrl(), StringUtils.hasText(p.alt()) ? p.alt().strip() : null))
                .toList();
        LandscapeSite.Accessibility access = r.access() == null ? new LandscapeSite.Accessibility(false, false, false, null)
                : new LandscapeSite.Accessibility(r.access().stepFree(), r.access().seating(), r.access().accessibleToilet(),
                        StringUtils.hasText(r.access().notes()) ? r.access().notes().strip() : null);
        String description = rules.cleanDescription(r.descriptionHtml());
        // A new site's id is chosen here, not by the database: an import knows what to remove if it stops halfway.
        return new LandscapeSite(existing == null ? new ObjectId().toHexString() : existing.id(), slug, code, former, r.name().strip(),
                r.street().strip(), r.category().strip(), r.address().strip(), SiteRules.wgs84(r.coordinates()),
                description.isBlank() ? null : description, photos,
                StringUtils.hasText(r.openingHours()) ? r.openingHours().strip() : null, access, r.openedOn(), r.status(),
                r.relatedContentIds() == null ? List.of() : r.relatedContentIds().stream().distinct().toList(),
                r.published(), existing == null ? now : existing.createdAt(), now, existing == null ? null : existing.version());
    }

    static void guardPublication(LandscapeSite existing, boolean published, ConsolePrincipal user) {
        boolean changes = existing == null ? published : existing.published() != published;
        if (changes && !user.reviewsOrAdministers()) {
            throw new ForbiddenException("在栏目公开或撤下微景观需审核人员或管理员操作");
        }
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
