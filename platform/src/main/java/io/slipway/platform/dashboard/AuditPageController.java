package io.slipway.platform.dashboard;

import io.slipway.platform.app.AppService;
import io.slipway.platform.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /dashboard/audit}: who changed what, newest first, for every app or one. */
@Controller
class AuditPageController {

    private static final int SHOWN = 200;

    private final AuditLog audit;

    AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/dashboard/audit")
    String audit(@RequestParam(required = false) String app, Model model) {
        String filter = app == null || app.isBlank() ? null : app.strip();
        if (filter != null && !AppService.NAME.matcher(filter).matches()) {
            model.addAttribute("appError", "an app name has 1-40 lowercase letters, digits and dashes");
            filter = null;
        }
        model.addAttribute("app", app == null ? "" : app);
        model.addAttribute("events", audit.latest(filter, SHOWN));
        model.addAttribute("shown", SHOWN);
        return "audit";
    }
}
