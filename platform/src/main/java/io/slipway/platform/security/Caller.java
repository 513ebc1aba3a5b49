package io.slipway.platform.security;

import java.util.Set;

/**
 * Who a request acts for.
 *
 * @param username the user
 * @param role what the user may do
 * @param teams the teams the user belongs to
 */
public record Caller(String username, Role role, Set<String> teams) {

    public Caller {
        teams = Set.copyOf(teams);
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** True when this caller may see and change what {@code owner} owns. */
    public boolean mayUse(String owner) {
        if (admin()) {
            return true;
        }
        if (owner == null) {
            return false;
        }
        if (owner.startsWith(Owners.TEAM_PREFIX)) {
            return teams.contains(owner.substring(Owners.TEAM_PREFIX.length()));
        }
        return owner.equals(username);
    }
}
