package io.slipway.platform.deploy;

import java.net.URI;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/apps/{app}/releases/{n}/rollback}: a new release from release n's
 * artifact, rolled out like any deployment (202 + Location of that deployment).
 */
@RestController
class RollbackController {

    private final DeploymentService service;

    RollbackController(DeploymentService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/apps/{app}/releases/{number}/rollback")
    ResponseEntity<DeploymentController.DeploymentView> rollback(@PathVariable String app, @PathVariable int number,
            Principal principal) {
        Deployment deployment = service.rollback(app, number, principal == null ? "anonymous" : principal.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/apps/" + app + "/deployments/" + deployment.getId()))
                .body(DeploymentController.DeploymentView.of(deployment));
    }
}
