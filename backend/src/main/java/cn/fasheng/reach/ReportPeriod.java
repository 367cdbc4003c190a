package cn.fasheng.reach;

/** A report covers a calendar month or a year. */
public enum ReportPeriod {
    MONTH("月报"),
    YEAR("年报");

    private final String label;

    ReportPeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
