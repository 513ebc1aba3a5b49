/** Admission, the bounded request queue, engine workers and dynamic batching. */
package io.slipway.runtime.scheduling;
