package cn.fasheng.content;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import cn.fasheng.content.ContentDtos.ImportResult;
import cn.fasheng.media.Bytes;
import cn.fasheng.media.UploadRejectedException;
import cn.fasheng.platform.error.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@Tag(name = "内容")
@RestController
@RequestMapping("/api/console/contents/import")
public class ImportController {

    private static final int MAX_HTML = 5 * 1024 * 1024;

    private final HtmlImporter importer;

    ImportController(HtmlImporter importer) {
        this.importer = importer;
    }

    @Operation(summary = "导入旧网站文章：上传 HTML 文件（file）或粘贴 HTML（html），图片转存到本栏目；返回清理后的标题和正文")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ImportResult> importHtml(@RequestPart(name = "file", required = false) FilePart file,
            @RequestPart(name = "html", required = false) String html,
            @RequestPart(name = "baseUrl", required = false) String baseUrl) {
        Mono<byte[]> source;
        if (file != null) {
            source = Bytes.join(file.content(), MAX_HTML).onErrorMap(DataBufferLimitException.class,
                    e -> new UploadRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "HTML 文件不能超过 5 MB"));
        }
        else if (html != null && !html.isBlank()) {
            // The byte-order mark makes the parser read pasted text as UTF-8 whatever its <meta charset> says.
            source = Mono.just(("\uFEFF" + html).getBytes(StandardCharsets.UTF_8));
        }
        else {
            return Mono.error(new InvalidRequestException("html", "请上传 HTML 文件或粘贴 HTML 内容"));
        }
        String base = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        if (base != null && !base.matches("^https?://\\S+$")) {
            return Mono.error(new InvalidRequestException("baseUrl", "原文地址须以 http:// 或 https:// 开头"));
        }
        return source.flatMap(bytes -> importer.importHtml(bytes, base));
    }
}
