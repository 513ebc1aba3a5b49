/** The {@code docker} runtime backend: one hardened container per instance, found again by its labels. */
package io.slipway.platform.runtime.docker;
