package io.slipway.platform.runtime;

import io.slipway.platform.app.AppService;
import io.slipway.platform.router.RoutingTable;
import io.slipway.platform.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/apps/{app}/instances}: what runs, where, since when, and its logs. */
@RestController
@RequestMapping("/api/v1/apps/{app}/instances")
class InstanceController {

    private final RuntimeBackend backend;
    private final RoutingTable table;
    private final AppService apps;

    InstanceController(RuntimeBackend backend, RoutingTable table, AppService apps) {
        this.backend = backend;
        this.table = table;
        this.apps = apps;
    }

    /** An instance as the API shows it. */
    record InstanceView(String id, int release, String state, boolean ready, int port, Instant startedAt,
            String backend, int inFlight) {
    }

    @GetMapping
    List<InstanceView> list(@PathVariable String app) {
        apps.get(app);
        List<String> routed = table.targets(app).stream().map(RoutingTable.Target::instanceId).toList();
        return backend.list().stream().filter(i -> i.app().equals(app))
                .map(i -> new InstanceView(i.id(), i.release(), i.state().name().toLowerCase(), routed.contains(i.id()),
                        i.port(), i.startedAt(), backend.name(), table.inFlight(i.id())))
                .toList();
    }

    @GetMapping(value = "/{id}/logs", produces = MediaType.TEXT_PLAIN_VALUE)
    String logs(@PathVariable String app, @PathVariable String id, @RequestParam(defaultValue = "200") int lines) {
        apps.get(app);
        Instance instance = backend.find(id).filter(i -> i.app().equals(app))
                .orElseThrow(() -> new NotFoundException("app '" + app + "' has no instance " + id));
        return backend.logs(instance.id(), Math.max(1, Math.min(lines, 10_000)));
    }
}
