package io.slipway.platform.security;

import io.slipway.platform.app.AppRepository;
import io.slipway.platform.web.BadRequestException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/user}: who am I, and my password. {@code /api/v1/users}: users, for admins
 * (the security configuration lets only admins reach it).
 */
@RestController
class UserController {

    private final Accounts accounts;
    private final Owners owners;
    private final AppRepository apps;

    UserController(Accounts accounts, Owners owners, AppRepository apps) {
        this.accounts = accounts;
        this.owners = owners;
        this.apps = apps;
    }

    /** A user as the API shows it: never its password hash. */
    record UserView(String username, String role, Set<String> teams, Instant createdAt) {
    }

    @GetMapping("/api/v1/user")
    UserView me() {
        Caller caller = owners.current().orElseThrow();
        return view(accounts.get(caller.username()));
    }

    @PutMapping("/api/v1/user/password")
    ResponseEntity<Void> changePassword(@RequestBody Map<String, Object> body) {
        Caller caller = owners.current().orElseThrow();
        if (!(body.get("password") instanceof String password)) {
            throw new BadRequestException("send {\"password\": \"...\"} (at least " + Accounts.MIN_PASSWORD
                    + " characters)");
        }
        accounts.setPassword(caller.username(), password);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/users")
    List<UserView> list() {
        return accounts.list().stream().map(this::view).toList();
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<UserView> create(@RequestBody Map<String, Object> body) {
        Account made = accounts.create(text(body, "username"), text(body, "password"),
                role(body.getOrDefault("role", "member")));
        return ResponseEntity.created(URI.create("/api/v1/users/" + made.getUsername())).body(view(made));
    }

    @GetMapping("/api/v1/users/{username}")
    UserView get(@PathVariable String username) {
        return view(accounts.get(username));
    }

    @PatchMapping("/api/v1/users/{username}")
    UserView change(@PathVariable String username, @RequestBody Map<String, Object> body) {
        accounts.get(username);
        if (body.containsKey("role")) {
            accounts.setRole(username, role(body.get("role")));
        }
        if (body.containsKey("password")) {
            accounts.setPassword(username, text(body, "password"));
        }
        return view(accounts.get(username));
    }

    @DeleteMapping("/api/v1/users/{username}")
    ResponseEntity<Void> delete(@PathVariable String username) {
        if (owners.current().orElseThrow().username().equals(username)) {
            throw new BadRequestException("you cannot delete yourself");
        }
        accounts.delete(username, apps.countByOwner(username));
        return ResponseEntity.noContent().build();
    }

    private UserView view(Account account) {
        return new UserView(account.getUsername(), account.getRole().name().toLowerCase(Locale.ROOT),
                owners.caller(account).teams(), account.getCreatedAt());
    }

    static String text(Map<String, Object> body, String field) {
        if (!(body.get(field) instanceof String value)) {
            throw new BadRequestException("'" + field + "' is required (a string)");
        }
        return value;
    }

    static Role role(Object value) {
        if (value instanceof String text) {
            for (Role role : Role.values()) {
                if (role.name().equalsIgnoreCase(text)) {
                    return role;
                }
            }
        }
        throw new BadRequestException("role must be 'admin' or 'member'");
    }

}
