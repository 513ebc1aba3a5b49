/** Tensors as the runtime holds them between the wire protocol and the engines. */
package io.slipway.runtime.tensor;
