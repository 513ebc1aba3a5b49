package io.slipway.platform.dashboard;

import io.slipway.platform.router.RoutingTable;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.RuntimeBackend;
import io.slipway.platform.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** An app's instances as the dashboard shows them, and their logs. */
@Component
class InstanceViews {

    private final RuntimeBackend backend;
    private final RoutingTable table;

    InstanceViews(RuntimeBackend backend, RoutingTable table) {
        this.backend = backend;
        this.table = table;
    }

    /** One instance: where it runs, whether the router sends it traffic, and its logs page. */
    record InstanceRow(String id, int release, String state, boolean ready, int port, Instant startedAt, int inFlight,
            String backend, String logsPath) {
    }

    List<InstanceRow> of(String app) {
        List<String> routed = table.targets(app).stream().map(RoutingTable.Target::instanceId).toList();
        return backend.list().stream().filter(i -> i.app().equals(app))
                .map(i -> new InstanceRow(i.id(), i.release(), i.state().name().toLowerCase(), routed.contains(i.id()),
                        i.port(), i.startedAt(), table.inFlight(i.id()), backend.name(),
                        DashboardPaths.app(app) + "/instances/" + i.id() + "/logs"))
                .toList();
    }

    String logs(String app, String instanceId, int lines) {
        Instance instance = backend.find(instanceId).filter(i -> i.app().equals(app))
                .orElseThrow(() -> new NotFoundException("app '" + app + "' has no instance " + instanceId));
        return backend.logs(instance.id(), lines);
    }
}
