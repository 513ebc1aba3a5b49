package io.slipway.platform.dashboard;

import io.slipway.buildpacks.manifest.Access;
import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.platform.access.InvokeKeys;
import io.slipway.platform.app.App;
import io.slipway.platform.app.AppService;
import io.slipway.platform.app.PublicUrl;
import io.slipway.platform.deploy.Deployment;
import io.slipway.platform.deploy.DeploymentRepository;
import io.slipway.platform.deploy.DeploymentService;
import io.slipway.platform.release.Release;
import io.slipway.platform.release.ReleaseService;
import io.slipway.platform.router.RouterProperties;
import io.slipway.platform.runtime.InstanceSpecs;
import io.slipway.platform.secrets.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /dashboard/apps/{app}}: an app's status, endpoints with a curl example and a "try it"
 * panel, release history with rollback, recent deployments and instances, invoke keys and secrets.
 */
@Controller
@RequestMapping(DashboardPaths.APPS + "/{app}")
class AppPageController {

    private final AppService apps;
    private final AppStatuses statuses;
    private final ReleaseService releases;
    private final DeploymentRepository deploymentRepository;
    private final DeploymentService deployments;
    private final InstanceViews instances;
    private final PublicUrl publicUrl;
    private final RouterProperties router;
    private final JsonMapper json;
    private final InvokeKeys keys;
    private final Secrets secrets;

    AppPageController(AppService apps, AppStatuses statuses, ReleaseService releases,
            DeploymentRepository deploymentRepository, DeploymentService deployments, InstanceViews instances,
            PublicUrl publicUrl, RouterProperties router, JsonMapper json, InvokeKeys keys, Secrets secrets) {
        this.keys = keys;
        this.secrets = secrets;
        this.apps = apps;
        this.statuses = statuses;
        this.releases = releases;
        this.deploymentRepository = deploymentRepository;
        this.deployments = deployments;
        this.instances = instances;
        this.publicUrl = publicUrl;
        this.router = router;
        this.json = json;
    }

    /** A release as the history table shows it. */
    record ReleaseRow(int number, String description, String createdBy, java.time.Instant createdAt, boolean current,
            String format, String rollbackPath) {
    }

    @GetMapping
    String page(@PathVariable String app, HttpServletRequest request, Model model) {
        App found = apps.get(app);
        model.addAttribute("app", statuses.summary(found));
        model.addAttribute("scalingPath", DashboardPaths.scaling(app));
        model.addAttribute("deployPath", "/deploy?app=" + app);
        List<Release> history = releases.list(app);
        model.addAttribute("releases", history.stream().map(r -> row(r, found.getCurrentRelease())).toList());
        model.addAttribute("deployments", deploymentRepository.findByAppOrderByCreatedAtDesc(app).stream().limit(5)
                .map(DeploymentPageController.DeploymentView::of).toList());
        model.addAttribute("instances", instances.of(app));
        Release current = found.getCurrentRelease() == null ? null
                : history.stream().filter(r -> r.getNumber() == found.getCurrentRelease()).findFirst().orElse(null);
        Manifest manifest = current == null ? null : InstanceSpecs.manifest(current);
        model.addAttribute("endpoint", current == null ? null
                : Endpoint.of(app, manifest, publicUrl.of(request), router.domain(), json));
        model.addAttribute("protectedApp", manifest != null && manifest.access() == Access.TOKEN);
        model.addAttribute("keys", keys.list(app));
        model.addAttribute("keysPath", DashboardPaths.app(app) + "/keys");
        model.addAttribute("secrets", secrets.list(app));
        model.addAttribute("secretsPath", DashboardPaths.app(app) + "/secrets");
        return "app";
    }

    @PostMapping("/releases/{number}/rollback")
    String rollback(@PathVariable String app, @PathVariable int number, Principal principal) {
        Deployment deployment = deployments.rollback(app, number, DeployPageController.user(principal));
        return "redirect:" + DashboardPaths.deployment(app, deployment.getId());
    }

    @GetMapping("/instances/{id}/logs")
    String logs(@PathVariable String app, @PathVariable String id, Model model) {
        apps.get(app);
        model.addAttribute("appName", app);
        model.addAttribute("appPath", DashboardPaths.app(app));
        model.addAttribute("instanceId", id);
        model.addAttribute("logs", instances.logs(app, id, 500));
        return "instance-logs";
    }

    private static ReleaseRow row(Release release, Integer current) {
        boolean isCurrent = current != null && current == release.getNumber();
        String format;
        try {
            format = Manifest.parse(release.getManifest(), Manifest.FILE_NAME).model().format().yamlValue();
        } catch (RuntimeException e) {
            format = "?";
        }
        return new ReleaseRow(release.getNumber(), release.getDescription(), release.getCreatedBy(),
                release.getCreatedAt(), isCurrent, format,
                DashboardPaths.app(release.getApp()) + "/releases/" + release.getNumber() + "/rollback");
    }
}
