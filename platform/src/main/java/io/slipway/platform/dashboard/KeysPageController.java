package io.slipway.platform.dashboard;

import io.slipway.platform.access.InvokeKeys;
import io.slipway.platform.app.AppService;
import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.ConflictException;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The invoke-key forms of the app page: make a key (its secret is shown once, on the page the
 * redirect leads to) and revoke one. Errors come back to the page beside the name field.
 */
@Controller
@RequestMapping(DashboardPaths.APPS + "/{app}/keys")
class KeysPageController {

    private final InvokeKeys keys;
    private final AppService apps;

    KeysPageController(InvokeKeys keys, AppService apps) {
        this.keys = keys;
        this.apps = apps;
    }

    @PostMapping
    String create(@PathVariable String app, @RequestParam(defaultValue = "") String name, Principal user,
            RedirectAttributes flash) {
        apps.get(app);
        try {
            InvokeKeys.Created created = keys.create(app, name.strip(), user == null ? "anonymous" : user.getName());
            flash.addFlashAttribute("newKey", created.secret());
            flash.addFlashAttribute("newKeyName", created.key().getName());
        } catch (BadRequestException | ConflictException e) {
            flash.addFlashAttribute("keyError", e.getMessage());
            flash.addFlashAttribute("keyName", name);
        }
        return "redirect:" + DashboardPaths.app(app) + "#keys";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable String app, @PathVariable String id, RedirectAttributes flash) {
        apps.get(app);
        keys.revoke(app, id);
        flash.addFlashAttribute("keyRevoked", true);
        return "redirect:" + DashboardPaths.app(app) + "#keys";
    }
}
