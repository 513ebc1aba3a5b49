package io.slipway.platform.audit;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByOrderByIdDesc(Limit limit);

    List<AuditEvent> findByAppOrderByIdDesc(String app, Limit limit);
}
