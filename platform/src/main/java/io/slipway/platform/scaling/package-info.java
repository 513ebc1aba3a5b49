/** The autoscaler: scaling policies, the per-tick decision (reactive, scheduled, CPU, predictive) and its inputs. */
package io.slipway.platform.scaling;
