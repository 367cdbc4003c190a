package cn.fasheng.platform.jobs;

/**
 * The claim a run holds: the fence grows with every claim of the job, so a write conditioned on it fails
 * once another instance has taken the job over.
 */
public record JobLease(String jobId, String key, long fence, int attempt) {
}
