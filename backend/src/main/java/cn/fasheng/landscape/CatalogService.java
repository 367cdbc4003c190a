package cn.fasheng.landscape;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.audit.AuditLog;
import cn.fasheng.landscape.LandscapeRequests.SaveCatalog;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.error.InvalidRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The street and category lists: the district's twelve streets and a few kinds of site until an admin edits them. */
@Service
class CatalogService {

    private final CatalogRepository catalogs;
    private final SiteRepository sites;
    private final AuditLog audit;

    CatalogService(CatalogRepository catalogs, SiteRepository sites, AuditLog audit) {
        this.catalogs = catalogs;
        this.sites = sites;
        this.audit = audit;
    }

    Mono<LandscapeCatalog> get() {
        return catalogs.findById(LandscapeCatalog.ID).switchIfEmpty(Mono.defer(() -> catalogs.save(LandscapeCatalog.defaults())
                // Two instances asking at once on a new database: the other one's copy is the same.
                .onErrorResume(DuplicateKeyException.class, e -> catalogs.findById(LandscapeCatalog.ID))));
    }

    /** A name still used by a site cannot be removed: the site would be filed under nothing. */
    Mono<LandscapeCatalog> update(SaveCatalog request, ConsolePrincipal user, String ip) {
        List<String> streets = clean(request.streets(), "streets", "街道");
        List<String> categories = clean(request.categories(), "categories", "类别");
        return get().flatMap(current -> {
            if (!Objects.equals(current.version(), request.version())) {
                return Mono.error(new ConflictException("街道与类别已被他人修改，请刷新后重试"));
            }
            List<String> removedStreets = removed(current.streets(), streets);
            List<String> removedCategories = removed(current.categories(), categories);
            return Flux.fromIterable(removedStreets).concatMap(s -> sites.countByStreet(s).filter(n -> n > 0)
                    .map(n -> "街道“" + s + "”仍有 " + n + " 处微景观"))
                    .concatWith(Flux.fromIterable(removedCategories).concatMap(c -> sites.countByCategory(c).filter(n -> n > 0)
                            .map(n -> "类别“" + c + "”仍有 " + n + " 处微景观")))
                    .collectList()
                    .flatMap(inUse -> inUse.isEmpty()
                            ? catalogs.save(new LandscapeCatalog(LandscapeCatalog.ID, streets, categories, current.version()))
                            : Mono.error(new ConflictException(String.join("；", inUse) + "，请先把它们改到其他街道或类别")));
        })
                .onErrorMap(OptimisticLockingFailureException.class, e -> new ConflictException("街道与类别已被他人修改，请刷新后重试"))
                .flatMap(saved -> audit.record(user.username(), LandscapeAction.CATALOG_EDIT, LandscapeCatalog.ID, ip,
                        "街道 " + saved.streets().size() + " 个，类别 " + saved.categories().size() + " 个").thenReturn(saved));
    }

    private static List<String> clean(List<String> names, String field, String what) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String name : names) {
            String n = name == null ? "" : name.strip();
            if (n.isEmpty()) {
                continue;
            }
            if (n.length() > 20) {
                throw new InvalidRequestException(field, what + "名称不能超过 20 个字：" + n);
            }
            if (!unique.add(n)) {
                throw new InvalidRequestException(field, what + "“" + n + "”重复");
            }
        }
        if (unique.isEmpty()) {
            throw new InvalidRequestException(field, "至少保留一个" + what);
        }
        if (unique.size() > 50) {
            throw new InvalidRequestException(field, what + "最多 50 个");
        }
        return new ArrayList<>(unique);
    }

    private static List<String> removed(List<String> before, List<String> after) {
        return before.stream().filter(name -> !after.contains(name)).toList();
    }
}
