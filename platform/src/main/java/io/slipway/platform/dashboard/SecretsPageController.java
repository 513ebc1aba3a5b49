package io.slipway.platform.dashboard;

import io.slipway.platform.app.AppService;
import io.slipway.platform.secrets.Secrets;
import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.ConflictException;
import io.slipway.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secret forms of the app page: set or replace one (the value is never shown again, not even
 * after an error) and delete one. Errors come back to the page beside the fields.
 */
@Controller
@RequestMapping(DashboardPaths.APPS + "/{app}/secrets")
class SecretsPageController {

    private final Secrets secrets;
    private final AppService apps;

    SecretsPageController(Secrets secrets, AppService apps) {
        this.secrets = secrets;
        this.apps = apps;
    }

    @PostMapping
    String set(@PathVariable String app, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String value, RedirectAttributes flash) {
        apps.get(app);
        try {
            secrets.put(app, name.strip(), value, "on the dashboard");
            flash.addFlashAttribute("secretSet", name.strip());
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("secretError", e.getMessage());
            flash.addFlashAttribute("secretName", name);
        }
        return "redirect:" + DashboardPaths.app(app) + "#secrets";
    }

    @PostMapping("/{name}/delete")
    String delete(@PathVariable String app, @PathVariable String name, RedirectAttributes flash) {
        apps.get(app);
        try {
            secrets.delete(app, name);
            flash.addFlashAttribute("secretDeleted", name);
        } catch (NotFoundException | ConflictException e) {
            flash.addFlashAttribute("secretError", e.getMessage());
        }
        return "redirect:" + DashboardPaths.app(app) + "#secrets";
    }
}
