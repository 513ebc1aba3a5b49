/** The wire formats: the Open Inference Protocol (JSON and binary data) and {@code /predict}. */
package io.slipway.runtime.protocol;
