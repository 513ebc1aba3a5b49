/** The scaling simulator: replays a request-rate trace against a policy in simulated time, with the production autoscaler. */
package io.slipway.platform.scaling.sim;
