/**
 * Who may call an app's model: {@code access: public | token}; the invoke keys of protected apps
 * (made and revoked through the API, shown once, stored as hashes) and their check in the router.
 */
package io.slipway.platform.access;
