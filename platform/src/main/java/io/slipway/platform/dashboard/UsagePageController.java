package io.slipway.platform.dashboard;

import io.slipway.platform.app.AppOwners;
import io.slipway.platform.metering.Usage;
import io.slipway.platform.metering.UsageReport;
import io.slipway.platform.web.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** {@code /dashboard/usage}: usage and cost per app, owner or month, as a table and a chart, with a CSV export. */
@Controller
class UsagePageController {

    private final Usage usage;
    private final AppOwners owners;

    UsagePageController(Usage usage, AppOwners owners) {
        this.owners = owners;
        this.usage = usage;
    }

    @GetMapping("/dashboard/usage")
    String usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "app") String by, Model model, HttpServletResponse response) {
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("by", by);
        try {
            UsageReport.Report report = usage.report(from, to, by, u -> owners.mayUse(u.getOwner()));
            model.addAttribute("report", report);
            model.addAttribute("csv", UriComponentsBuilder.fromPath("/api/v1/usage")
                    .queryParam("from", report.from()).queryParam("to", report.to()).queryParam("by", by)
                    .queryParam("format", "csv").build().encode().toUriString());
        } catch (BadRequestException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.getMessage().startsWith("by") ? "by"
                    : e.getMessage().startsWith("to") ? "to" : "from");
        }
        return "usage";
    }
}
