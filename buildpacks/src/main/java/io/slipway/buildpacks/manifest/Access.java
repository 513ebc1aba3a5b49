package io.slipway.buildpacks.manifest;

/** Who may call an app's model endpoints, {@code access} in the manifest ({@code public} by default). */
public enum Access {

    /** Anyone who can reach the router. */
    PUBLIC,

    /** Only callers presenting one of the app's invoke tokens. */
    TOKEN

}
