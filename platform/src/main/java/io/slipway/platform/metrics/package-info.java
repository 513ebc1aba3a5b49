/**
 * Time series for the dashboard's charts: requests, latency and errors from the router's history, instances
 * over time (sampled here, every 2 s, for the last hour) and the scaling events, as
 * {@code GET /api/v1/apps/{app}/metrics}.
 */
package io.slipway.platform.metrics;
