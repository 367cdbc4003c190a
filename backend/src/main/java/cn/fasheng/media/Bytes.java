package cn.fasheng.media;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import reactor.core.publisher.Mono;

/** Gathers a streamed body into one array, refusing (DataBufferLimitException) beyond a limit. */
public final class Bytes {

    private Bytes() {
    }

    public static Mono<byte[]> join(Publisher<? extends DataBuffer> content, long limit) {
        return DataBufferUtils.join(content, (int) Math.min(Integer.MAX_VALUE - 8, limit)).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        });
    }
}
