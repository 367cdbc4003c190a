package cn.fasheng.platform.jobs;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Does one type of job. Handlers must be idempotent: after a crash or an expired lease the same job can
 * run again, so each one checks the state it is about to change (a conditional update) before changing it.
 * Handlers that write outside the job (e.g. a media asset) fence those writes with the lease they are given.
 */
public interface JobHandler<P extends Record> {

    String type();

    Class<P> payloadType();

    default Mono<Void> handle(P payload) {
        return Mono.error(new UnsupportedOperationException(type()));
    }

    default Mono<Void> handle(P payload, JobLease lease) {
        return handle(payload);
    }

    /** How long one run may take; null for the queue's default. The lease is renewed meanwhile. */
    default Duration timeout() {
        return null;
    }

    /** How many jobs of this type one instance runs at once; 0 for no limit of its own. */
    default int concurrency() {
        return 0;
    }
}
