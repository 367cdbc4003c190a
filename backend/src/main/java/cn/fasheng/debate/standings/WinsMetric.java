package cn.fasheng.debate.standings;

final class WinsMetric implements TeamMetric {

    @Override
    public String key() {
        return "wins";
    }

    @Override
    public String label() {
        return "胜场";
    }

    @Override
    public double value(TeamRecord record) {
        return record.wins();
    }

    @Override
    public boolean integral() {
        return true;
    }
}
