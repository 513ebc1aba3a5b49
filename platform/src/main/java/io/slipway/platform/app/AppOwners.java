package io.slipway.platform.app;

/**
 * Who may see and change which app, for the request being served. Members see only what they or
 * their teams own; admins see everything. An app someone may not see answers as if it did not exist.
 */
public interface AppOwners {

    /** True when the current caller may see and change what {@code owner} owns (null: nobody, so admins only). */
    boolean mayUse(String owner);

    /** True when the current caller sees every app (an admin). */
    default boolean seesAll() {
        return mayUse(null);
    }

    /** True when the current caller may see and change {@code app}. */
    default boolean maySee(App app) {
        return mayUse(app.getOwner());
    }

    /**
     * The owner of an app the current caller creates: the caller, or {@code requested} (a team of
     * the caller's, or anyone for an admin).
     *
     * @throws io.slipway.platform.web.BadRequestException when {@code requested} is not an owner the caller may use
     */
    String ownerOfNew(String requested);
}
