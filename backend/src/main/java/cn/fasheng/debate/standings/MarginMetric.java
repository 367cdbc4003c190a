package cn.fasheng.debate.standings;

final class MarginMetric implements TeamMetric {

    @Override
    public String key() {
        return "margin";
    }

    @Override
    public String label() {
        return "净胜分";
    }

    @Override
    public double value(TeamRecord record) {
        return record.margin();
    }
}
