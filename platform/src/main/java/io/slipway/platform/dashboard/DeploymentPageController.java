package io.slipway.platform.dashboard;

import io.slipway.platform.deploy.BuildLogs;
import io.slipway.platform.deploy.Deployment;
import io.slipway.platform.deploy.DeploymentRepository;
import io.slipway.platform.deploy.DeploymentService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /dashboard/apps/{app}/deployments/{id}}: one deployment, its build log followed live
 * (the page reads {@code .../log} as it grows), and how it ended.
 */
@Controller
@RequestMapping(DashboardPaths.APPS + "/{app}/deployments/{id}")
class DeploymentPageController {

    private final DeploymentService service;
    private final DeploymentRepository deployments;
    private final BuildLogs logs;

    DeploymentPageController(DeploymentService service, DeploymentRepository deployments, BuildLogs logs) {
        this.service = service;
        this.deployments = deployments;
        this.logs = logs;
    }

    /** A deployment as the page and its script see it. */
    record DeploymentView(String id, String app, String status, boolean finished, String reason, Integer release,
            String createdBy, java.time.Instant createdAt, String path, String appPath, String logPath, String statusPath) {

        static DeploymentView of(Deployment d) {
            String self = DashboardPaths.deployment(d.getApp(), d.getId());
            return new DeploymentView(d.getId(), d.getApp(), d.getStatus().name().toLowerCase(),
                    d.getStatus().finished(), d.getReason(), d.getRelease(), d.getCreatedBy(), d.getCreatedAt(), self,
                    DashboardPaths.app(d.getApp()), self + "/log", self + "/status");
        }
    }

    @GetMapping
    String page(@PathVariable String app, @PathVariable String id, Model model) throws IOException {
        Deployment deployment = service.get(app, id);
        Path file = logs.file(id);
        model.addAttribute("deployment", DeploymentView.of(deployment));
        model.addAttribute("log", Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "");
        return "deployment";
    }

    @GetMapping("/status")
    @ResponseBody
    ResponseEntity<DeploymentView> status(@PathVariable String app, @PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(DeploymentView.of(service.get(app, id)));
    }

    /** The build log as plain text, sent as it is written until the deployment is over. */
    @GetMapping("/log")
    ResponseEntity<StreamingResponseBody> log(@PathVariable String app, @PathVariable String id) {
        service.get(app, id);
        StreamingResponseBody body = out -> logs.follow(id, out, () -> finished(id));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).header("X-Content-Type-Options", "nosniff").body(body);
    }

    private boolean finished(String id) {
        return deployments.findById(id).map(d -> d.getStatus().finished()).orElse(true);
    }
}
