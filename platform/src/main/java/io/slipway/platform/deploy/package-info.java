/** Deployments: a bundle's way from upload to a live release, and its build log. */
package io.slipway.platform.deploy;
