package cn.fasheng.platform.jobs;

import reactor.core.publisher.Mono;

/**
 * Does one type of job. Handlers must be idempotent: after a crash or an expired lease the same job can
 * run again, so each one checks the state it is about to change (a conditional update) before changing it.
 */
public interface JobHandler<P extends Record> {

    String type();

    Class<P> payloadType();

    Mono<Void> handle(P payload);
}
