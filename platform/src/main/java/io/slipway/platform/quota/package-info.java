/**
 * Quotas per owner: how many apps, instances, CPU cores and memory (from limits) and how large a
 * bundle; checked at deploy, at policy changes and by the autoscaler.
 */
package io.slipway.platform.quota;
