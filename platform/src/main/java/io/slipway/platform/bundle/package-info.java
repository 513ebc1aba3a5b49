/** The content-addressed store of uploaded bundles. */
package io.slipway.platform.bundle;
