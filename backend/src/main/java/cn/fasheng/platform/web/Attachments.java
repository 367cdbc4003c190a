package cn.fasheng.platform.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Files the browser saves rather than shows (templates, posters, QR codes), under their Chinese names. */
public final class Attachments {

    private Attachments() {
    }

    public static ResponseEntity<byte[]> of(String fileName, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(type).body(body);
    }
}
