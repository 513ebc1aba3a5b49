package io.slipway.platform.runtime;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.platform.release.Release;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes the spec of a new instance of a release, from the manifest the release was built with. */
public final class InstanceSpecs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InstanceSpecs() {
    }

    public static InstanceSpec of(Release release) {
        Manifest manifest = manifest(release);
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        String instanceId = release.getApp() + "-v" + release.getNumber() + "-" + HexFormat.of().formatHex(id);
        return new InstanceSpec(instanceId, release.getApp(), release.getNumber(), release.getImage(),
                release.getDirectory() == null ? null : Path.of(release.getDirectory()), manifest.env(),
                manifest.resources().cpu(), manifest.resources().memoryBytes());
    }

    public static Manifest manifest(Release release) {
        return Manifest.parse(release.getManifest(), Manifest.FILE_NAME);
    }
}
