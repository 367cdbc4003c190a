package cn.fasheng.landscape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.landscape.LandscapeRequests.SaveSite;
import cn.fasheng.landscape.LandscapeViews.LandscapeImportOutcome;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.FileRowsException;
import cn.fasheng.platform.error.FileRowsException.RowError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk import from CSV, all or nothing: every row is checked (file format, the site rules, duplicates in the file
 * and on the column) before the first site is stored, and an import that fails or is abandoned midway removes what
 * it stored.
 */
@Service
class SiteImport {

    private static final Logger log = LoggerFactory.getLogger(SiteImport.class);

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("street", "街道", "category", "类别",
            "coordinates", "纬度", "slug", "地址名", "openedOn", "建成日期");

    private final SiteService service;
    private final SiteRepository sites;
    private final CatalogService catalog;
    private final SiteRules rules;
    private final AuditLog audit;

    SiteImport(SiteService service, SiteRepository sites, CatalogService catalog, SiteRules rules, AuditLog audit) {
        this.service = service;
        this.sites = sites;
        this.catalog = catalog;
        this.rules = rules;
        this.audit = audit;
    }

    Mono<LandscapeImportOutcome> importCsv(byte[] bytes, boolean publish, ConsolePrincipal user, String ip) {
        SiteService.guardPublication(null, publish, user);
        SiteCsv.Parsed parsed = SiteCsv.parse(bytes);
        return Mono.zip(catalog.get(), sites.findAll().collectList()).flatMap(current -> {
            List<RowError> errors = new ArrayList<>(parsed.errors());
            Map<String, Integer> names = new HashMap<>();
            Map<String, Integer> slugs = new HashMap<>();
            for (SiteCsv.SiteRow row : parsed.rows()) {
                SaveSite site = row.site();
                for (SiteRules.Problem problem : rules.problems(site, current.getT1())) {
                    errors.add(new RowError(row.row(), COLUMN_OF_FIELD.getOrDefault(problem.field(), ""), problem.message()));
                }
                String key = site.street() + "/" + site.name();
                if (!site.name().isEmpty() && names.putIfAbsent(key, row.row()) != null) {
                    errors.add(new RowError(row.row(), "名称", "与第 " + names.get(key) + " 行重复（同一街道、同一名称）"));
                }
                else if (current.getT2().stream().anyMatch(s -> s.street().equals(site.street()) && s.name().equals(site.name()))) {
                    errors.add(new RowError(row.row(), "名称", "本街道已有同名微景观“" + site.name() + "”"));
                }
                if (StringUtils.hasText(site.slug())) {
                    String slug = site.slug();
                    if (slugs.putIfAbsent(slug, row.row()) != null) {
                        errors.add(new RowError(row.row(), "地址名", "与第 " + slugs.get(slug) + " 行的地址名重复"));
                    }
                    else if (current.getT2().stream().anyMatch(s -> s.slug().equals(slug)
                            || (s.formerSlugs() != null && s.formerSlugs().contains(slug)))) {
                        errors.add(new RowError(row.row(), "地址名", "地址名“" + slug + "”已被使用"));
                    }
                }
            }
            if (!errors.isEmpty()) {
                errors.sort(java.util.Comparator.comparingInt(RowError::row));
                return Mono.error(new FileRowsException("微景观文件有误", errors));
            }
            return Flux.fromIterable(parsed.rows()).concatMap(row -> service.prepare(withPublished(row.site(), publish)))
                    .collectList().flatMap(prepared -> store(prepared, user, ip));
        });
    }

    /**
     * Inserts the prepared sites; if that fails or the request goes away halfway, whatever was stored is removed
     * again (by id: the import owns them until it answers), so an import is all or nothing.
     */
    private Mono<LandscapeImportOutcome> store(List<LandscapeSite> prepared, ConsolePrincipal user, String ip) {
        List<String> ids = prepared.stream().map(LandscapeSite::id).toList();
        AtomicBoolean done = new AtomicBoolean();
        return sites.saveAll(prepared).then()
                .onErrorMap(DuplicateKeyException.class, e -> new ConflictException("导入时地址名或短码刚被他人占用，未导入任何数据，请重新导入"))
                .then(Mono.defer(() -> audit.record(user.username(), LandscapeAction.SITE_IMPORT, "", ip,
                        "导入 " + prepared.size() + " 处" + (prepared.get(0).published() ? "并公开" : "") + "："
                                + String.join("、", prepared.stream().map(LandscapeSite::name).limit(20).toList()))))
                .then(Mono.fromSupplier(() -> {
                    done.set(true);
                    return new LandscapeImportOutcome(prepared.size(), prepared.stream().map(LandscapeSite::name).toList());
                }))
                .doFinally(signal -> {
                    if (!done.get()) {
                        sites.deleteAllById(ids).subscribe(null, e -> log.error("撤销未完成的微景观导入失败：{}", ids, e));
                    }
                });
    }

    private static SaveSite withPublished(SaveSite s, boolean published) {
        return new SaveSite(s.name(), s.slug(), s.street(), s.category(), s.address(), s.coordinates(), s.descriptionHtml(),
                s.photos(), s.openingHours(), s.access(), s.openedOn(), s.status(), s.relatedContentIds(), published, s.version());
    }
}
