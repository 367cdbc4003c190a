package cn.fasheng.publishing;

/** The channel cannot take posts now (paused, disabled, not connected): posts wait for it instead of failing. */
public class ChannelUnavailableException extends RuntimeException {

    public ChannelUnavailableException(String message) {
        super(message);
    }
}
