package io.slipway.platform.dashboard;

import io.slipway.platform.app.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /}: every app with its status, release, instances and traffic. */
@Controller
class AppsPageController {

    private final AppStatuses statuses;
    private final PublicUrl publicUrl;

    AppsPageController(AppStatuses statuses, PublicUrl publicUrl) {
        this.statuses = statuses;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/")
    String apps(HttpServletRequest request, Model model) {
        model.addAttribute("apps", statuses.all());
        // SLIPWAY_TOKEN: a personal API token (the top bar's user name leads to the page that makes one)
        model.addAttribute("deployCommand", "tar -C sample-apps/iris-onnx -czf - . | curl --data-binary @- \\\n"
                + "  -H \"Authorization: Bearer $SLIPWAY_TOKEN\" -H 'Content-Type: application/gzip' \\\n  "
                + publicUrl.of(request) + "/api/v1/apps/iris/deployments?follow=true");
        return "apps";
    }

    @GetMapping({"/dashboard", "/dashboard/apps"})
    String home() {
        return "redirect:/";
    }
}
