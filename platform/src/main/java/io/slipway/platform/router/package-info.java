/**
 * The data plane: routes {@code /apps/{app}/...} and {@code {app}.<domain>} to the least loaded
 * ready instance of the app at Jetty's core handler level, ahead of the servlet container (so no
 * servlet filter runs for app traffic), queues above each instance's concurrency limit, holds
 * requests while an app scales from zero, and records per-app traffic
 * ({@link io.slipway.platform.router.AppTraffic}).
 */
package io.slipway.platform.router;
