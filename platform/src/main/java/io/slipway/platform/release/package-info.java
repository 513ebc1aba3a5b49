/** Immutable numbered releases and rollback. */
package io.slipway.platform.release;
