package io.slipway.platform.deploy;

import io.slipway.platform.app.AppService;
import io.slipway.platform.web.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/apps/{app}/deployments}: upload a bundle (tar.gz, tar or zip body, or multipart
 * field {@code bundle}), follow its status and its build log.
 */
@RestController
@RequestMapping("/api/v1/apps/{app}/deployments")
class DeploymentController {

    private final DeploymentService service;
    private final DeploymentRepository deployments;
    private final BuildLogs logs;
    private final AppService apps;
    private final JsonMapper mapper;

    DeploymentController(DeploymentService service, DeploymentRepository deployments, BuildLogs logs, AppService apps,
            JsonMapper mapper) {
        this.service = service;
        this.deployments = deployments;
        this.logs = logs;
        this.apps = apps;
        this.mapper = mapper;
    }

    /** A deployment as the API shows it. */
    record DeploymentView(String id, String app, String status, String reason, String bundleDigest, Integer release,
            Instant createdAt, Instant updatedAt, String log) {

        static DeploymentView of(Deployment d) {
            String base = "/api/v1/apps/" + d.getApp() + "/deployments/" + d.getId();
            return new DeploymentView(d.getId(), d.getApp(), d.getStatus().name().toLowerCase(), d.getReason(),
                    d.getBundleDigest(), d.getRelease(), d.getCreatedAt(), d.getUpdatedAt(), base + "/log");
        }
    }

    /**
     * Takes a bundle. {@code ?follow=true} streams the build log in the answer until the
     * deployment is live or failed (what a terminal user wants); otherwise 202 at once.
     */
    @PostMapping
    ResponseEntity<StreamingResponseBody> deploy(@PathVariable String app, @RequestParam(defaultValue = "false") boolean follow,
            HttpServletRequest request, Principal principal) throws IOException {
        Deployment deployment;
        try (InputStream bundle = bundleOf(request)) {
            deployment = service.deploy(app, bundle, principal == null ? "anonymous" : principal.getName());
        }
        URI location = URI.create("/api/v1/apps/" + app + "/deployments/" + deployment.getId());
        if (!follow) {
            byte[] json = mapper.writeValueAsBytes(DeploymentView.of(deployment));
            return ResponseEntity.accepted().location(location).contentType(MediaType.APPLICATION_JSON)
                    .body(out -> out.write(json));
        }
        String id = deployment.getId();
        StreamingResponseBody body = out -> logs.follow(id, out, () -> finished(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
                .contentType(MediaType.TEXT_PLAIN).body(body);
    }

    @GetMapping
    List<DeploymentView> list(@PathVariable String app) {
        apps.get(app);
        return deployments.findByAppOrderByCreatedAtDesc(app).stream().map(DeploymentView::of).toList();
    }

    @GetMapping("/{id}")
    DeploymentView get(@PathVariable String app, @PathVariable String id) {
        return DeploymentView.of(service.get(app, id));
    }

    /** The build log: streamed while the deployment runs (chunked text), complete afterwards. */
    @GetMapping(value = "/{id}/log", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<StreamingResponseBody> log(@PathVariable String app, @PathVariable String id) {
        service.get(app, id);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .body(out -> logs.follow(id, out, () -> finished(id)));
    }

    private boolean finished(String id) {
        return deployments.findById(id).map(d -> d.getStatus().finished()).orElse(true);
    }

    private static InputStream bundleOf(HttpServletRequest request) throws IOException {
        if (request instanceof MultipartHttpServletRequest multipart) {
            MultipartFile file = multipart.getFile("bundle");
            if (file == null) {
                throw new BadRequestException("multipart upload without a 'bundle' file field");
            }
            return file.getInputStream();
        }
        String type = request.getContentType() == null ? "" : request.getContentType();
        if (type.startsWith("application/x-www-form-urlencoded")) {
            throw new BadRequestException("send the bundle as the raw body (curl --data-binary @bundle.tar.gz "
                    + "-H 'Content-Type: application/gzip') or as multipart field 'bundle'");
        }
        return request.getInputStream();
    }
}
