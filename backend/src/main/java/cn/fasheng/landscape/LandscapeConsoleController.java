package cn.fasheng.landscape;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.landscape.LandscapeRequests.SaveSite;
import cn.fasheng.landscape.LandscapeViews.LandscapeImportOutcome;
import cn.fasheng.landscape.LandscapeViews.LandscapePhotoUpload;
import cn.fasheng.landscape.LandscapeViews.LandscapeSiteView;
import cn.fasheng.media.Bytes;
import cn.fasheng.media.ImageVariants;
import cn.fasheng.media.MediaProperties;
import cn.fasheng.media.UploadRejectedException;
import cn.fasheng.platform.error.InvalidRequestException;
import cn.fasheng.platform.web.Attachments;
import cn.fasheng.platform.web.ClientAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Tag(name = "法治微景观")
@RestController
@RequestMapping("/api/console/landscape")
public class LandscapeConsoleController {

    private static final int MAX_IMPORT_FILE = 2 * 1024 * 1024;

    private final SiteService sites;
    private final SiteImport siteImport;
    private final SiteScans scans;
    private final SitePosters posters;
    private final ImageVariants images;
    private final MediaProperties media;

    LandscapeConsoleController(SiteService sites, SiteImport siteImport, SiteScans scans, SitePosters posters,
            ImageVariants images, MediaProperties media) {
        this.sites = sites;
        this.siteImport = siteImport;
        this.scans = scans;
        this.posters = posters;
        this.images = images;
        this.media = media;
    }

    @Operation(summary = "全部微景观（按街道、名称排列），含扫码次数")
    @GetMapping("/sites")
    public Flux<LandscapeSiteView> list() {
        return scans.totals().flatMapMany(totals -> sites.all()
                .map(site -> LandscapeSiteView.of(site, totals.getOrDefault(site.id(), 0L))));
    }

    @Operation(summary = "一处微景观")
    @GetMapping("/sites/{id}")
    public Mono<LandscapeSiteView> get(@PathVariable String id) {
        return view(sites.get(id));
    }

    @Operation(summary = "新建微景观；公开需审核人员或管理员")
    @PostMapping("/sites")
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<LandscapeSiteView> create(@Valid @RequestBody SaveSite request, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return view(sites.create(request, user, ClientAddress.of(exchange)));
    }

    @Operation(summary = "修改微景观；改地址名后旧地址和二维码仍然有效")
    @PutMapping("/sites/{id}")
    public Mono<LandscapeSiteView> update(@PathVariable String id, @Valid @RequestBody SaveSite request,
            @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return view(sites.update(id, request, user, ClientAddress.of(exchange)));
    }

    @Operation(summary = "删除微景观（审核人员或管理员）")
    @DeleteMapping("/sites/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(@PathVariable String id, @AuthenticationPrincipal ConsolePrincipal user, ServerWebExchange exchange) {
        return sites.delete(id, user, ClientAddress.of(exchange));
    }

    @Operation(summary = "上传微景观照片：JPEG、PNG、GIF、WebP，生成缩略图")
    @PostMapping(path = "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<LandscapePhotoUpload> photo(@RequestPart("file") FilePart file) {
        return Bytes.join(file.content(), media.maxImageSize().toBytes() + 1)
                .onErrorMap(DataBufferLimitException.class, e -> new UploadRejectedException(HttpStatus.PAYLOAD_TOO_LARGE,
                        "图片不能超过 " + media.maxImageSize().toMegabytes() + " MB"))
                .flatMap(bytes -> images.store(bytes, file.filename()))
                .map(i -> new LandscapePhotoUpload(i.url(), i.thumbUrl(), i.largeUrl(), i.width(), i.height()));
    }

    @Operation(summary = "下载导入模板（CSV）")
    @GetMapping(value = "/import-template.csv", produces = "text/csv")
    public ResponseEntity<byte[]> template() {
        return Attachments.of("微景观导入模板.csv", new MediaType("text", "csv", StandardCharsets.UTF_8), SiteCsv.template());
    }

    @Operation(summary = "从 CSV 批量导入；有任何一行出错则不导入，并逐行列出错误")
    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<LandscapeImportOutcome> importSites(@RequestPart("file") FilePart file,
            @RequestParam(defaultValue = "false") boolean publish, @AuthenticationPrincipal ConsolePrincipal user,
            ServerWebExchange exchange) {
        return Bytes.join(file.content(), MAX_IMPORT_FILE + 1)
                .onErrorMap(DataBufferLimitException.class, e -> new InvalidRequestException("file", "导入文件不能超过 2 MB"))
                .flatMap(bytes -> siteImport.importCsv(bytes, publish, user, ClientAddress.of(exchange)));
    }

    @Operation(summary = "二维码（PNG），指向微景观的短地址")
    @GetMapping(value = "/sites/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    public Mono<ResponseEntity<byte[]>> qr(@PathVariable String id) {
        return sites.get(id).map(site -> Attachments.of(site.name() + "-二维码.png", MediaType.IMAGE_PNG, posters.qrPng(site)));
    }

    @Operation(summary = "A4 海报（PDF），未公开的也可先打印校对")
    @GetMapping(value = "/sites/{id}/poster.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public Mono<ResponseEntity<byte[]>> poster(@PathVariable String id) {
        return sites.get(id).flatMap(site -> posters.poster(site)
                .map(pdf -> Attachments.of(SitePosters.posterFileName(site), MediaType.APPLICATION_PDF, pdf)));
    }

    private Mono<LandscapeSiteView> view(Mono<LandscapeSite> site) {
        return site.flatMap(s -> scans.total(s.id()).map(total -> LandscapeSiteView.of(s, total)));
    }
}
