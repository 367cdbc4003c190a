package cn.fasheng.publishing;

import java.util.function.Function;

import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * One run of one post: the post as last recorded, its content, and the channel session. Writes are fenced on the run;
 * calls through {@link #call} renew a refused token once before they give up.
 */
public final class PostRun {

    private final Posts posts;
    private final ChannelTokens tokens;
    private final long fence;
    private final ContentSnapshot content;
    private volatile ChannelPost post;
    private volatile ChannelSession session;

    PostRun(Posts posts, ChannelTokens tokens, ChannelPost post, ContentSnapshot content, ChannelSession session) {
        this.posts = posts;
        this.tokens = tokens;
        this.fence = post.runFence();
        this.post = post;
        this.content = content;
        this.session = session;
    }

    public ChannelPost post() {
        return post;
    }

    public ContentSnapshot content() {
        return content;
    }

    /** Records a stage reached; fails when another run has taken the post over. */
    public Mono<ChannelPost> record(Update update) {
        return posts.fenced(post.id(), fence, update).doOnNext(saved -> post = saved);
    }

    /** Records a stage reached and a line of history. */
    public Mono<ChannelPost> record(Update update, String stage, String message) {
        return record(update.push("history", new PostAttempt(posts.now(), stage, null, message, true)));
    }

    /** A channel call with the current token; a refused token is renewed once (by one instance) and the call repeated. */
    public <T> Mono<T> call(Function<ChannelSession, Mono<T>> request) {
        // Deferred: a call built ahead of earlier steps must use the session those steps may have renewed.
        return Mono.defer(() -> tokens.withRenewal(session, current -> {
            session = current;
            return request.apply(current);
        })).onErrorMap(ChannelException.class, again -> again.kind() == ChannelException.Kind.AUTH
                ? new ReauthorisationNeeded(again) : again);
    }

    /** A renewed token was refused too: the account needs an administrator. */
    static final class ReauthorisationNeeded extends RuntimeException {

        final ChannelException cause;

        ReauthorisationNeeded(ChannelException cause) {
            super(cause.getMessage());
            this.cause = cause;
        }
    }
}
