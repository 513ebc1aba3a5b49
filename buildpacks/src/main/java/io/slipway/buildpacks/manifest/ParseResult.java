package io.slipway.buildpacks.manifest;

import java.util.List;

/**
 * What parsing a manifest's text gave: the manifest when it is valid, the problems, and the bundle
 * files it names (those that parsed, even when other fields did not), for {@link BundleChecker}.
 */
record ParseResult(Manifest manifest, List<ManifestProblem> problems, BundleFile model, ModelFormat format,
        BundleFile labels) {

    /** A path from the manifest into the bundle, with the field and line that named it. */
    record BundleFile(String field, String path, int line) {
    }

    Manifest manifestOrThrow() {
        if (!problems.isEmpty()) {
            throw new ManifestException(problems);
        }
        return manifest;
    }

}
