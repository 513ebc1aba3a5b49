/** The model runtime: one model served over the Open Inference Protocol from a Slipway bundle. */
package io.slipway.runtime;
