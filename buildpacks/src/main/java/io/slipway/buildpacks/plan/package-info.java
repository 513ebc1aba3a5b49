/** Build plans: the layers and settings of a release's image, decided without Docker. */
package io.slipway.buildpacks.plan;
