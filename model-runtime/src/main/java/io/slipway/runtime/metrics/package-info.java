/** Prometheus metrics of the runtime. */
package io.slipway.runtime.metrics;
