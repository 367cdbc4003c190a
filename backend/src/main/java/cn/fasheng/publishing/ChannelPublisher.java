package cn.fasheng.publishing;

import reactor.core.publisher.Mono;

/**
 * Takes a post from the last stage it recorded to published (or into the channel's review). Each stage is recorded
 * through {@link PostRun#record} before the next starts; anything sent whose answer was lost is looked up on the
 * channel before it is sent again.
 */
public interface ChannelPublisher {

    Channel channel();

    Mono<PublishOutcome> publish(PostRun run);
}
