/**
 * The {@code slipway.yaml} manifest of a bundle: its model ({@link io.slipway.buildpacks.manifest.Manifest}
 * and the records it holds) and the parser that validates it, reporting every problem at once with
 * the file, line and field path ({@link io.slipway.buildpacks.manifest.ManifestException}).
 */
package io.slipway.buildpacks.manifest;
