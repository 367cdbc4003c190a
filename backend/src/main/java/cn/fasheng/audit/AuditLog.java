package cn.fasheng.audit;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** The only way features write to or read the audit log. */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Mono<Void> record(String actor, AuditAction action, String target, String ip, String detail) {
        AuditEvent event = new AuditEvent(null, clock.instant(), actor, action.name(), action.label(), target, ip, detail);
        return events.save(event)
                // Debug only: a failed login's "actor" is whatever was typed, sometimes a password.
                .doOnNext(saved -> log.debug("audit {} {} {}", actor, action.name(), target))
                .then();
    }

    public Mono<AuditPage> page(int page, int size) {
        return Mono.zip(events.findAllByOrderByAtDesc(PageRequest.of(page, size)).map(AuditEventView::of).collectList(),
                events.count())
                .map(result -> new AuditPage(result.getT1(), page, size, result.getT2()));
    }
}
