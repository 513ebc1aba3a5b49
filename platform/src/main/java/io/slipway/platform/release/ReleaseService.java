package io.slipway.platform.release;

import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.platform.build.ReleaseBuilder;
import io.slipway.platform.web.NotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Numbered, immutable releases: made by deployments, copied by rollbacks. */
@Service
public class ReleaseService {

    private final ReleaseRepository releases;
    private final Clock clock;

    public ReleaseService(ReleaseRepository releases, Clock clock) {
        this.releases = releases;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public int nextNumber(String app) {
        return releases.findByAppOrderByNumberDesc(app).stream().findFirst().map(r -> r.getNumber() + 1).orElse(1);
    }

    @Transactional
    public Release create(String app, int number, String bundleDigest, ReleaseBuilder.Artifact artifact,
            String manifest, String user, String description) {
        return releases.save(new Release(app, number, bundleDigest, artifact.image(),
                artifact.directory() == null ? null : artifact.directory().toString(), manifest, artifact.engine(), user,
                clock.instant(), description));
    }

    /** A new release that runs exactly what {@code source} runs. */
    @Transactional
    public Release copyOf(Release source, String user, String description) {
        return create(source.getApp(), nextNumber(source.getApp()), source.getBundleDigest(), artifactOf(source),
                source.getManifest(), user, description);
    }

    @Transactional(readOnly = true)
    public Release get(String app, int number) {
        return releases.findByAppAndNumber(app, number).orElseThrow(() ->
                new NotFoundException("app '" + app + "' has no release v" + number));
    }

    @Transactional(readOnly = true)
    public List<Release> list(String app) {
        return releases.findByAppOrderByNumberDesc(app);
    }

    @Transactional(readOnly = true)
    public Optional<Release> latestWithBundle(String app, String digest) {
        return releases.findFirstByAppAndBundleDigestOrderByNumberDesc(app, digest);
    }

    public static ReleaseBuilder.Artifact artifactOf(Release release) {
        return new ReleaseBuilder.Artifact(release.getImage(),
                release.getDirectory() == null ? null : Path.of(release.getDirectory()), release.getEngine());
    }

    /** The instance floor the release's manifest asks for. */
    public static int minInstances(Release release) {
        return Manifest.parse(release.getManifest(), Manifest.FILE_NAME).scaling().minInstances();
    }
}
