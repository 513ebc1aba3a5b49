/**
 * Buildpacks: given an extracted bundle and its manifest, the {@link io.slipway.buildpacks.Buildpack}
 * that detects the model format plans the image ({@link io.slipway.buildpacks.plan.BuildPlan}) from
 * the host's {@link io.slipway.buildpacks.RuntimeDistribution}, following {@link io.slipway.buildpacks.ImageLayout}.
 */
package io.slipway.buildpacks;
