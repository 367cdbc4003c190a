package cn.fasheng.debate.standings;

final class BallotsWonMetric implements TeamMetric {

    @Override
    public String key() {
        return "ballots";
    }

    @Override
    public String label() {
        return "得票";
    }

    @Override
    public double value(TeamRecord record) {
        return record.ballotsWon();
    }

    @Override
    public boolean integral() {
        return true;
    }
}
