/** The HTTP surface of the runtime on Undertow: V2 REST, /predict, /metrics. */
package io.slipway.runtime.http;
