/** The autoscaler's REST API: an app's scaling policy (read, override, reset) and its scaling events. */
package io.slipway.platform.scaling.api;
