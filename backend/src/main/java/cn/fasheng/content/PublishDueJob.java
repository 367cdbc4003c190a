package cn.fasheng.content;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.fasheng.platform.jobs.JobHandler;
import reactor.core.publisher.Mono;

/** Publishes an item at its scheduled time. */
@Component
class PublishDueJob implements JobHandler<PublishDueJob.Payload> {

    static final String TYPE = "content.publish";

    record Payload(String contentId, Instant at) {
    }

    private final ContentWorkflow workflow;

    PublishDueJob(ContentWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<Payload> payloadType() {
        return Payload.class;
    }

    @Override
    public Mono<Void> handle(Payload payload) {
        return workflow.publishDue(payload.contentId(), payload.at());
    }
}
