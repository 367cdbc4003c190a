package cn.fasheng.media.upload;

import java.nio.ByteBuffer;
import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.fasheng.account.ConsolePrincipal;
import cn.fasheng.media.AssetKeys;
import cn.fasheng.media.AssetKind;
import cn.fasheng.media.AssetState;
import cn.fasheng.media.Assets;
import cn.fasheng.media.FileSignature;
import cn.fasheng.media.MediaAsset;
import cn.fasheng.media.MediaAsset.MultipartUpload;
import cn.fasheng.media.MediaAsset.Part;
import cn.fasheng.media.MediaLibrary;
import cn.fasheng.media.MediaProperties;
import cn.fasheng.media.UploadRejectedException;
import cn.fasheng.platform.error.ConflictException;
import cn.fasheng.platform.storage.BlobStorage;
import cn.fasheng.platform.storage.BlobStorage.StoredPart;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resumable uploads (tus) mapped onto S3 multipart uploads: the bytes of a PATCH are cut into parts of the
 * configured size and each part goes to S3 as soon as it is whole, so at most one part per upload is ever in
 * memory and nothing is written to local disk. The offset a client resumes from is the end of the last stored
 * part; bytes of an unfinished part are dropped and sent again.
 */
@Service
public class ResumableUploads {

    private final Assets assets;
    private final BlobStorage storage;
    private final MediaProperties properties;
    private final MediaLibrary library;

    ResumableUploads(Assets assets, BlobStorage storage, MediaProperties properties, MediaLibrary library) {
        this.assets = assets;
        this.storage = storage;
        this.properties = properties;
        this.library = library;
    }

    public Mono<MediaAsset> create(ConsolePrincipal user, String name, long length, AssetKind kind) {
        if (length <= 0) {
            return Mono.error(new UploadRejectedException(HttpStatus.BAD_REQUEST, "“" + name + "”是空文件，没有可上传的内容"));
        }
        if (length > properties.maxFileSize().toBytes()) {
            return Mono.error(new UploadRejectedException(HttpStatus.PAYLOAD_TOO_LARGE,
                    "文件不能超过 " + MediaLibrary.readable(properties.maxFileSize().toBytes())));
        }
        return assets.usedBy(user.userId()).flatMap(used -> {
            long quota = properties.userQuota().toBytes();
            if (used + length > quota) {
                return Mono.error(new UploadRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "超出个人存储配额："
                        + "已用 " + MediaLibrary.readable(used) + "，配额 " + MediaLibrary.readable(quota)
                        + "，本文件 " + MediaLibrary.readable(length) + "。请删除不用的媒体文件或联系管理员"));
            }
            String id = new org.bson.types.ObjectId().toHexString();
            String key = AssetKeys.original(id);
            return storage.startMultipart(key, "application/octet-stream").flatMap(uploadId -> assets.insert(
                    new MediaAsset(id, kind, user.userId(), user.displayName(), name, length, AssetState.UPLOADING,
                            null, null, null, key, null, new MultipartUpload(uploadId, 0, List.of()), null, null,
                            List.of(), null, 0, assets.now(), assets.now())))
                    .flatMap(created -> assets.usedBy(user.userId()).flatMap(now -> now <= quota ? Mono.just(created)
                            // Two uploads started at once both fitted on their own; the later one gives way.
                            : library.purge(created).then(Mono.error(new UploadRejectedException(
                                    HttpStatus.PAYLOAD_TOO_LARGE, "超出个人存储配额：另一个上传刚刚占用了剩余空间")))));
        });
    }

    /** Appends a PATCH body that starts at {@code offset}; answers the asset with its new offset. */
    public Mono<MediaAsset> append(MediaAsset asset, long offset, Flux<DataBuffer> body) {
        if (asset.state() != AssetState.UPLOADING) {
            return Mono.error(new ConflictException("该文件已上传完毕"));
        }
        if (offset != asset.upload().offset()) {
            return Mono.error(new ConflictException("上传位置不一致：服务器已保存 " + asset.upload().offset() + " 字节"));
        }
        PartWriter writer = new PartWriter(asset);
        return body.concatMap(writer::accept, 1)
                .then(Mono.defer(writer::flushFinal))
                .then(Mono.defer(() -> assets.find(asset.id())))
                .flatMap(current -> current.upload() != null && current.upload().offset() == current.size()
                        ? finish(current) : Mono.just(current));
    }

    /** Completes the multipart upload and queues the asset for processing. Safe to repeat. */
    public Mono<MediaAsset> finish(MediaAsset asset) {
        List<StoredPart> parts = asset.upload().parts().stream().map(p -> new StoredPart(p.number(), p.etag())).toList();
        return storage.completeMultipart(asset.originalKey(), asset.upload().uploadId(), parts)
                .onErrorResume(e -> storage.exists(asset.originalKey())
                        .flatMap(stored -> stored ? Mono.<Void>empty() : Mono.error(e)))
                .then(assets.transition(asset.id(), List.of(AssetState.UPLOADING),
                        new Update().set("state", AssetState.QUEUED).unset("upload")))
                .flatMap(queued -> library.process(queued).thenReturn(queued))
                .switchIfEmpty(Mono.defer(() -> assets.find(asset.id())));
    }

    /**
     * Gives an upload up, unless it was completed meanwhile: its parts are removed and nothing of it remains. A
     * PATCH still running finds the upload gone and stores nothing more.
     */
    public Mono<Void> abandon(MediaAsset asset) {
        return assets.transition(asset.id(), List.of(AssetState.UPLOADING),
                        new Update().set("state", AssetState.REMOVING).set("runFence", Long.MAX_VALUE))
                .flatMap(library::purge);
    }

    /** Collects bytes into one part at a time and stores each part when it is whole. */
    private final class PartWriter {

        private final MediaAsset asset;
        private long offset;
        private int nextPart;
        private ByteBuffer part;

        PartWriter(MediaAsset asset) {
            this.asset = asset;
            this.offset = asset.upload().offset();
            this.nextPart = asset.upload().parts().size() + 1;
        }

        Mono<Void> accept(DataBuffer buffer) {
            try {
                return Flux.fromIterable(copy(buffer)).concatMap(this::store).then();
            }
            catch (RuntimeException e) {
                return Mono.error(e);
            }
            finally {
                DataBufferUtils.release(buffer);
            }
        }

        /** Copies the buffer into parts; answers the parts it completed. */
        private List<ByteBuffer> copy(DataBuffer buffer) {
            java.util.ArrayList<ByteBuffer> whole = new java.util.ArrayList<>();
            while (buffer.readableByteCount() > 0) {
                if (part == null) {
                    long left = asset.size() - offset;
                    if (left <= 0) {
                        throw new UploadRejectedException(HttpStatus.BAD_REQUEST, "上传的数据超出了声明的文件长度");
                    }
                    part = ByteBuffer.allocate((int) Math.min(properties.uploadPartSize().toBytes(), left));
                }
                int n = Math.min(part.remaining(), buffer.readableByteCount());
                buffer.read(part.array(), part.position(), n);
                part.position(part.position() + n);
                if (!part.hasRemaining()) {
                    whole.add(part.flip());
                    offset += whole.get(whole.size() - 1).remaining();
                    part = null;
                }
            }
            return whole;
        }

        private Mono<Void> store(ByteBuffer bytes) {
            int number = nextPart++;
            long size = bytes.remaining();
            Mono<Void> check = number == 1 ? checkSignature(bytes) : Mono.empty();
            long expected = (number - 1L) * properties.uploadPartSize().toBytes();
            return check.then(storage.uploadPart(asset.originalKey(), asset.upload().uploadId(), number, bytes))
                    .flatMap(etag -> assets.addPart(asset.id(), expected, new Part(number, etag, size)))
                    .switchIfEmpty(Mono.error(() -> new ConflictException("上传已被取消、已超时清理，或正由另一处同时上传")))
                    .then();
        }

        /** The first part names the kind of file; anything not on the allow-list is dropped here. */
        private Mono<Void> checkSignature(ByteBuffer first) {
            byte[] head = new byte[Math.min(first.remaining(), 512)];
            first.duplicate().get(head);
            FileSignature type = FileSignature.of(head).orElse(null);
            if (type != null && type.acceptableMedia(asset.kind())) {
                return assets.transition(asset.id(), List.of(AssetState.UPLOADING),
                        new Update().set("signature", type.name())).then();
            }
            String expected = asset.kind() == AssetKind.ANIMATION ? "GIF、APNG、WebM 或 MP4 动画" : "MP4、MOV、WebM、MKV、AVI、FLV 或 TS 视频";
            return abandon(asset).then(Mono.error(new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "“" + asset.name() + "”的内容不是" + expected + "，已拒收（按文件内容判断，与文件名无关）")));
        }

        /** The last part of the file may be shorter than the others. */
        Mono<Void> flushFinal() {
            if (part != null && offset + part.position() == asset.size()) {
                ByteBuffer last = part.flip();
                offset += last.remaining();
                part = null;
                return store(last);
            }
            part = null;
            return Mono.empty();
        }
    }
}
