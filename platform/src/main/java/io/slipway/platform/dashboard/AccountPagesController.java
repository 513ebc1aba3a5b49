package io.slipway.platform.dashboard;

import io.slipway.platform.security.Accounts;
import io.slipway.platform.security.ApiTokens;
import io.slipway.platform.security.Owners;
import io.slipway.platform.web.BadRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Signing in, and the signed-in user's own page: personal API tokens (made here, shown once,
 * revoked here) and the password.
 */
@Controller
class AccountPagesController {

    static final String TOKENS = "/dashboard/tokens";

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final Owners owners;

    AccountPagesController(ApiTokens tokens, Accounts accounts, Owners owners) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.owners = owners;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping(TOKENS)
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.of(me()));
        return "tokens";
    }

    @PostMapping(TOKENS)
    String create(@RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        try {
            ApiTokens.Minted minted = tokens.create(me(), name);
            flash.addFlashAttribute("newToken", minted.value());
            flash.addFlashAttribute("newTokenName", minted.token().getName());
        } catch (BadRequestException e) {
            flash.addFlashAttribute("tokenError", e.getMessage());
        }
        return "redirect:" + TOKENS;
    }

    @PostMapping(TOKENS + "/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes flash) {
        tokens.revoke(me(), id);
        flash.addFlashAttribute("revoked", true);
        return "redirect:" + TOKENS;
    }

    @PostMapping(TOKENS + "/password")
    String password(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat,
            RedirectAttributes flash) {
        if (!password.equals(repeat)) {
            flash.addFlashAttribute("passwordError", "the two passwords differ");
        } else {
            try {
                accounts.setPassword(me(), password);
                flash.addFlashAttribute("passwordChanged", true);
            } catch (BadRequestException e) {
                flash.addFlashAttribute("passwordError", e.getMessage());
            }
        }
        return "redirect:" + TOKENS;
    }

    private String me() {
        return owners.current().orElseThrow().username();
    }
}
