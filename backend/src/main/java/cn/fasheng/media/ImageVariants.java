package cn.fasheng.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.fasheng.media.transcode.FfmpegRunner;
import cn.fasheng.media.transcode.OutputFiles;
import cn.fasheng.platform.storage.BlobStorage;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An uploaded picture (checked and stored by {@link MediaStore}) plus two JPEGs derived by the bundled FFmpeg: a
 * {@value #THUMB} px thumbnail and a {@value #LARGE} px version. JPEG because every phone and PDF reader shows it,
 * whatever came in (WebP, an animated GIF's first frame). Named after the original's hash, so repeats cost nothing.
 */
@Service
public class ImageVariants {

    static final int THUMB = 480;
    static final int LARGE = 1280;

    private final MediaStore store;
    private final BlobStorage storage;
    private final FfmpegRunner ffmpeg;
    private final MediaProperties properties;

    ImageVariants(MediaStore store, BlobStorage storage, FfmpegRunner ffmpeg, MediaProperties properties) {
        this.store = store;
        this.storage = storage;
        this.ffmpeg = ffmpeg;
        this.properties = properties;
    }

    /**
     * Probes, derives, then stores: a picture FFmpeg cannot decode is refused before anything is written, so a
     * refused upload leaves no object behind.
     */
    public Mono<StoredImage> store(byte[] bytes, String name) {
        return Mono.fromCallable(() -> store.probe(bytes, name)).flatMap(probed -> {
            String hash = Sha256.hex(bytes);
            String base = "images/" + hash;
            String thumbKey = base + "-" + THUMB + ".jpg";
            String largeKey = base + "-" + LARGE + ".jpg";
            Mono<Void> variants = Mono.zip(storage.exists(thumbKey), storage.exists(largeKey))
                    .flatMap(present -> present.getT1() && present.getT2() ? Mono.<Void>empty()
                            : Mono.fromCallable(() -> derive(bytes, probed.type(), name)).subscribeOn(Schedulers.boundedElastic())
                                    .flatMap(derived -> storage.put(thumbKey, derived.get(0), "image/jpeg")
                                            .then(storage.put(largeKey, derived.get(1), "image/jpeg"))));
            return variants.then(store.put(bytes, name, probed, hash)).map(original -> new StoredImage(original.url(),
                    store.url(thumbKey), store.url(largeKey), (int) probed.size().width(), (int) probed.size().height()));
        });
    }

    /** The thumbnail and the large JPEG; a picture is never enlarged. */
    private List<byte[]> derive(byte[] bytes, FileSignature type, String name) throws Exception {
        Path dir = OutputFiles.privateDirectory(properties.workDir(), "image-");
        try {
            Path source = dir.resolve("source." + type.extension());
            Files.write(source, bytes);
            List<String> args = new ArrayList<>(ffmpeg.inputHardening());
            args.addAll(List.of("-i", "file:" + source.toAbsolutePath(),
                    "-filter_complex", "[0:v]split=2[a][b];[a]scale='min(" + THUMB + ",iw)':-2[t];[b]scale='min(" + LARGE + ",iw)':-2[l]",
                    "-map", "[t]", "-frames:v", "1", "-q:v", "4", "-update", "1", "thumb.jpg",
                    "-map", "[l]", "-frames:v", "1", "-q:v", "3", "-update", "1", "large.jpg"));
            UploadRejectedException undecodable = new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "“" + name + "”无法解码，请换一张图片");
            try {
                ffmpeg.ffmpeg(args, dir, Duration.ofMinutes(1), null);
            }
            catch (RuntimeException e) {
                throw undecodable;
            }
            Path thumb = dir.resolve("thumb.jpg");
            Path large = dir.resolve("large.jpg");
            // A header that parses over data that does not: FFmpeg can succeed having written nothing.
            if (!Files.isRegularFile(thumb) || Files.size(thumb) == 0 || !Files.isRegularFile(large) || Files.size(large) == 0) {
                throw undecodable;
            }
            return List.of(Files.readAllBytes(thumb), Files.readAllBytes(large));
        }
        finally {
            OutputFiles.deleteRecursively(dir);
        }
    }
}
