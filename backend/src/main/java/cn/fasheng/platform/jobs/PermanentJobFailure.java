package cn.fasheng.platform.jobs;

/** A failure that retrying cannot mend (e.g. a rejected upload): the job stops at once with this message. */
public class PermanentJobFailure extends RuntimeException {

    public PermanentJobFailure(String message) {
        super(message);
    }
}
