package io.slipway.platform.release;

import io.slipway.platform.app.AppService;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/apps/{app}/releases}: the release history. Rollback lives with deployments. */
@RestController
@RequestMapping("/api/v1/apps/{app}/releases")
class ReleaseController {

    private final ReleaseService releases;
    private final AppService apps;

    ReleaseController(ReleaseService releases, AppService apps) {
        this.releases = releases;
        this.apps = apps;
    }

    /** A release as the API shows it. */
    record ReleaseView(int number, String image, String directory, String engine, String bundleDigest,
            String description, String createdBy, Instant createdAt, boolean current, String manifest) {
    }

    @GetMapping
    List<ReleaseView> list(@PathVariable String app) {
        Integer current = apps.get(app).getCurrentRelease();
        return releases.list(app).stream().map(r -> view(r, current)).toList();
    }

    @GetMapping("/{number}")
    ReleaseView get(@PathVariable String app, @PathVariable int number) {
        return view(releases.get(app, number), apps.get(app).getCurrentRelease());
    }

    private static ReleaseView view(Release r, Integer current) {
        return new ReleaseView(r.getNumber(), r.getImage(), r.getDirectory(), r.getEngine(), r.getBundleDigest(),
                r.getDescription(), r.getCreatedBy(), r.getCreatedAt(), current != null && current == r.getNumber(),
                r.getManifest());
    }
}
