/** Configuration properties and the wiring of collaborators that touch the outside world. */
package io.slipway.platform.config;
