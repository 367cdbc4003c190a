package cn.fasheng.media.transcode;

/** An original that must not be processed; the message tells the editor why, in Chinese. */
public class MediaRejectedException extends RuntimeException {

    public MediaRejectedException(String message) {
        super(message);
    }
}
