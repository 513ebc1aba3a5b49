/** What the autoscaler keeps in the database: the scaling events of each app and the policy overrides set through the API. */
package io.slipway.platform.scaling.store;
