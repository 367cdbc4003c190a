package cn.fasheng.platform.storage;

import java.nio.ByteBuffer;

import reactor.core.publisher.Flux;

/** An object being read from the store: its metadata and its bytes as they arrive. */
public record StoredObject(String contentType, long length, String etag, Flux<ByteBuffer> content) {
}
