package io.slipway.platform.audit;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit?app=&limit=}: the newest audit events first. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    List<AuditEvent> audit(@RequestParam(required = false) String app, @RequestParam(defaultValue = "100") int limit) {
        return audit.latest(app == null || app.isBlank() ? null : app, limit);
    }
}
