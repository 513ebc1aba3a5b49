/**
 * Uploaded bundles: safe, bounded extraction of a tar.gz, tar or zip archive into a folder
 * ({@link io.slipway.buildpacks.bundle.BundleArchive}) and the content digest of the result
 * ({@link io.slipway.buildpacks.bundle.TreeDigest}), so the same bundle is not built twice.
 */
package io.slipway.buildpacks.bundle;
