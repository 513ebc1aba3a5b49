/**
 * Metering and billing: every instance's lifetime (instance-, CPU- and memory-seconds from its
 * limits) per app and owner, kept across restarts, and its cost at the configured prices.
 */
package io.slipway.platform.metering;
