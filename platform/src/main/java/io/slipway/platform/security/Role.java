package io.slipway.platform.security;

/** What a user may do: an admin sees and changes everything, a member only the apps it owns. */
public enum Role {
    ADMIN, MEMBER;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
