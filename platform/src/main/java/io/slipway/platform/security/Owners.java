package io.slipway.platform.security;

import io.slipway.platform.app.AppOwners;
import io.slipway.platform.web.BadRequestException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The current caller (from the security context) and what it may own and see. */
public class Owners implements AppOwners {

    /** Owners that are teams are written {@code team:NAME}. */
    public static final String TEAM_PREFIX = "team:";

    private static final String CALLER = Owners.class.getName() + ".caller";

    private final AccountRepository accounts;
    private final TeamRepository teams;

    public Owners(AccountRepository accounts, TeamRepository teams) {
        this.accounts = accounts;
        this.teams = teams;
    }

    /**
     * Who the current request acts for; empty when nobody signed in (or outside a request). Looked up
     * once per request (a list of apps asks for every app), then kept with the request.
     */
    public Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication.getAuthorities().stream().noneMatch(a -> a.getAuthority().startsWith("ROLE_"))) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CALLER, RequestAttributes.SCOPE_REQUEST) instanceof Caller known
                && known.username().equals(authentication.getName())) {
            return Optional.of(known);
        }
        Optional<Caller> caller = accounts.findById(authentication.getName()).map(this::caller);
        if (request != null && caller.isPresent()) {
            request.setAttribute(CALLER, caller.get(), RequestAttributes.SCOPE_REQUEST);
        }
        return caller;
    }

    Caller caller(Account account) {
        return new Caller(account.getUsername(), account.getRole(), teams.findByMember(account.getUsername()).stream()
                .map(Team::getName).collect(Collectors.toSet()));
    }

    @Override
    public boolean mayUse(String owner) {
        return current().map(caller -> caller.mayUse(owner)).orElse(false);
    }

    @Override
    public String ownerOfNew(String requested) {
        Caller caller = current().orElseThrow(() -> new IllegalStateException("no signed-in caller"));
        if (requested == null || requested.isBlank() || requested.equals(caller.username())) {
            return caller.username();
        }
        boolean known = requested.startsWith(TEAM_PREFIX) ? teams.existsById(requested.substring(TEAM_PREFIX.length()))
                : accounts.existsById(requested);
        if (!known || !caller.mayUse(requested)) {
            throw new BadRequestException("owner '" + Accounts.printable(requested) + "' is not you, one of your teams"
                    + (caller.admin() ? " or a user" : "") + " (teams are written team:NAME)");
        }
        return requested;
    }
}
