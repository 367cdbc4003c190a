package cn.fasheng.content;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.fasheng.platform.jobs.JobHandler;
import reactor.core.publisher.Mono;

/** Takes an item offline at its scheduled time. */
@Component
class UnpublishDueJob implements JobHandler<UnpublishDueJob.Payload> {

    static final String TYPE = "content.unpublish";

    record Payload(String contentId, Instant at) {
    }

    private final ContentWorkflow workflow;

    UnpublishDueJob(ContentWorkflow workflow) {
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
        return workflow.unpublishDue(payload.contentId(), payload.at());
    }
}
