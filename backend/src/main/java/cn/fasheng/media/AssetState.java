package cn.fasheng.media;

/** Where an uploaded video or animation is on its way to the public player. */
public enum AssetState {
    UPLOADING("上传中"),
    QUEUED("排队等待处理"),
    PROCESSING("处理中"),
    READY("可播放"),
    FAILED("处理失败"),
    DUPLICATE("与已有文件相同"),
    /** Stored only while the asset's objects and record are being removed (deleted, cancelled or rejected). */
    REMOVING("正在删除"),
    /** Never stored: reported for an upload that was rejected and removed, with the reason. */
    REJECTED("已拒收");

    private final String label;

    AssetState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean finished() {
        return this == READY || this == FAILED || this == DUPLICATE || this == REJECTED;
    }
}
