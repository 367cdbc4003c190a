package cn.fasheng.landscape;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.landscape.LandscapeRequests.SaveCatalog;
import cn.fasheng.landscape.LandscapeViews.LandscapeCatalogView;
import cn.fasheng.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@Tag(name = "法治微景观")
@RestController
@RequestMapping("/api/console/landscape/catalog")
public class CatalogConsoleController {

    private final CatalogService catalog;
    private final DistrictOutline outline;

    CatalogConsoleController(CatalogService catalog, DistrictOutline outline) {
        this.catalog = catalog;
        this.outline = outline;
    }

    @Operation(summary = "街道与类别列表，以及坐标须落在的范围")
    @GetMapping
    public Mono<LandscapeCatalogView> get() {
        return catalog.get().map(this::view);
    }

    @Operation(summary = "修改街道与类别列表（管理员）；仍被使用的不能删除")
    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    public Mono<LandscapeCatalogView> update(@Valid @RequestBody SaveCatalog request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return catalog.update(request, user, ClientAddress.of(exchange)).map(this::view);
    }

    private LandscapeCatalogView view(LandscapeCatalog c) {
        return new LandscapeCatalogView(c.streets(), c.categories(), outline.bounds().describe(), c.version());
    }
}
