/** Loading models into DJL engines (or the echo model), their metadata and warm-up. */
package io.slipway.runtime.model;
