package cn.fasheng.platform.jobs;

public enum JobState {
    PENDING,
    RUNNING,
    DONE,
    FAILED
}
