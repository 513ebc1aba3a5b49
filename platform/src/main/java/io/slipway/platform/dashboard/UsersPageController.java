package io.slipway.platform.dashboard;

import io.slipway.platform.security.Accounts;
import io.slipway.platform.security.Role;
import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.ConflictException;
import io.slipway.platform.web.NotFoundException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /dashboard/users}, for admins: users and teams, a form to add each, and team members. */
@Controller
class UsersPageController {

    static final String USERS = "/dashboard/users";

    private final Accounts accounts;

    UsersPageController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(USERS)
    String users(Model model) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("teams", accounts.teams());
        return "users";
    }

    @PostMapping(USERS)
    String createUser(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "member") String role, RedirectAttributes flash) {
        return outcome(flash, "userMessage", () -> {
            Role chosen = "admin".equals(role) ? Role.ADMIN : Role.MEMBER;
            accounts.create(username.strip(), password, chosen);
            return "user " + username.strip() + " (" + chosen.name().toLowerCase(Locale.ROOT) + ") created";
        });
    }

    @PostMapping(USERS + "/teams")
    String createTeam(@RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        return outcome(flash, "teamMessage", () -> "team " + accounts.createTeam(name.strip()).getName() + " created");
    }

    @PostMapping(USERS + "/teams/members")
    String addMember(@RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "") String username,
            RedirectAttributes flash) {
        return outcome(flash, "teamMessage", () -> {
            accounts.addMember(team, username.strip());
            return username.strip() + " added to team " + team;
        });
    }

    private static String outcome(RedirectAttributes flash, String key, java.util.function.Supplier<String> change) {
        try {
            flash.addFlashAttribute(key, change.get());
        } catch (BadRequestException | ConflictException | NotFoundException e) {
            flash.addFlashAttribute(key + "Error", e.getMessage());
        }
        return "redirect:" + USERS;
    }
}
