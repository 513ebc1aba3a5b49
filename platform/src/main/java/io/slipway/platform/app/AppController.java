package io.slipway.platform.app;

import io.slipway.platform.release.Release;
import io.slipway.platform.release.ReleaseService;
import io.slipway.platform.router.RoutingTable;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.RuntimeBackend;
import io.slipway.platform.web.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/apps}: create, list, describe, delete. */
@RestController
@RequestMapping("/api/v1/apps")
class AppController {

    private final AppService apps;
    private final AppDeletion deletion;
    private final ReleaseService releases;
    private final RuntimeBackend backend;
    private final RoutingTable table;
    private final PublicUrl publicUrl;
    private final AppOwners owners;
    private final NewApps newApps;

    AppController(AppService apps, AppDeletion deletion, ReleaseService releases, RuntimeBackend backend,
            RoutingTable table, PublicUrl publicUrl, AppOwners owners, NewApps newApps) {
        this.owners = owners;
        this.newApps = newApps;
        this.apps = apps;
        this.deletion = deletion;
        this.releases = releases;
        this.backend = backend;
        this.table = table;
        this.publicUrl = publicUrl;
    }

    /** An app as the API shows it. */
    record AppView(String name, String owner, String status, Integer currentRelease, int desiredInstances,
            String endpoint, String model, List<InstanceView> instances, Instant createdAt) {
    }

    /** An instance as the API shows it. */
    record InstanceView(String id, int release, String state, boolean ready, int port, Instant startedAt) {
    }

    @PostMapping
    ResponseEntity<AppView> create(@RequestBody(required = false) Map<String, Object> body, HttpServletRequest request) {
        Object name = body == null ? null : body.get("name");
        if (!(name instanceof String text)) {
            throw new BadRequestException("send {\"name\": \"my-app\"}");
        }
        Object owner = body.get("owner");
        if (owner != null && !(owner instanceof String)) {
            throw new BadRequestException("owner must be a user name or team:NAME");
        }
        String chosen = owners.ownerOfNew((String) owner);
        AppService.checkName(text);
        newApps.checkNewApp(chosen);
        App app = apps.create(text, chosen);
        return ResponseEntity.created(URI.create("/api/v1/apps/" + app.getName())).body(view(app, backend.list(), request));
    }

    @GetMapping
    List<AppView> list(HttpServletRequest request) {
        List<Instance> running = backend.list(); // one backend call for all apps, not one per app
        return apps.list().stream().filter(owners::maySee).map(app -> view(app, running, request)).toList();
    }

    @GetMapping("/{app}")
    AppView describe(@PathVariable String app, HttpServletRequest request) {
        return view(apps.get(app), backend.list(), request);
    }

    /** Gives the app to another owner: {@code {"owner": "team:ml"}} (one the caller may use). */
    @PatchMapping("/{app}")
    AppView change(@PathVariable String app, @RequestBody Map<String, Object> body, HttpServletRequest request) {
        if (!(body.get("owner") instanceof String owner) || body.size() != 1) {
            throw new BadRequestException("send {\"owner\": \"USER\" or \"team:NAME\"}: the owner is all that changes here");
        }
        return view(apps.transfer(app, owners.ownerOfNew(owner)), backend.list(), request);
    }

    @DeleteMapping("/{app}")
    ResponseEntity<Void> delete(@PathVariable String app) {
        deletion.delete(apps.get(app).getName());
        return ResponseEntity.noContent().build();
    }

    private AppView view(App app, List<Instance> all, HttpServletRequest request) {
        List<String> routed = table.targets(app.getName()).stream().map(RoutingTable.Target::instanceId).toList();
        List<InstanceView> instances = all.stream().filter(i -> i.app().equals(app.getName()))
                .map(i -> new InstanceView(i.id(), i.release(), i.state().name().toLowerCase(), routed.contains(i.id()),
                        i.port(), i.startedAt()))
                .toList();
        String model = null;
        if (app.getCurrentRelease() != null) {
            Release current = releases.get(app.getName(), app.getCurrentRelease());
            model = io.slipway.platform.runtime.InstanceSpecs.manifest(current).model().name();
        }
        String base = publicUrl.of(request) + "/apps/" + app.getName();
        return new AppView(app.getName(), app.getOwner(), status(app, routed.size()), app.getCurrentRelease(), app.getDesiredInstances(),
                model == null ? null : base + "/v2/models/" + model + "/infer", model, instances, app.getCreatedAt());
    }

    private static String status(App app, int ready) {
        if (app.getCurrentRelease() == null) {
            return "new";
        }
        if (ready == 0) {
            return "down";
        }
        return ready >= app.getDesiredInstances() ? "running" : "degraded";
    }

}
