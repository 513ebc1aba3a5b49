package io.slipway.platform.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Test-only: {@code /test/charts/{app}} renders the charts fragment alone, the way the app page includes it
 * ({@code ~{fragments/charts :: charts(${app.name})}}). Only with {@code --slipway.test.charts-page=true}.
 */
@Controller
@ConditionalOnProperty("slipway.test.charts-page")
class ChartsTestPage {

    @GetMapping("/test/charts/{app}")
    String charts(@PathVariable String app, Model model) {
        model.addAttribute("app", app);
        return "charts-test-page";
    }
}
