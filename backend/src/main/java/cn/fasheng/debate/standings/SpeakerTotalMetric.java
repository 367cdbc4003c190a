package cn.fasheng.debate.standings;

final class SpeakerTotalMetric implements TeamMetric {

    @Override
    public String key() {
        return "speaks";
    }

    @Override
    public String label() {
        return "总分";
    }

    @Override
    public double value(TeamRecord record) {
        return record.speakerTotal();
    }
}
