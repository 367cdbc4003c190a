package cn.fasheng.debate;

public enum RoundStage {
    PRELIMINARY("预赛"), KNOCKOUT("淘汰赛");

    private final String label;

    RoundStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
