package cn.fasheng.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;

interface AuditEventRepository extends ReactiveCrudRepository<AuditEvent, String> {

    Flux<AuditEvent> findAllByOrderByAtDesc(Pageable page);
}
