package io.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.slipway.platform.runtime.InstanceSpec;
import io.slipway.platform.runtime.InstanceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns an instance spec into a hardened {@code docker create}; the policy lives here in one place. */
final class ContainerRequests {

    private ContainerRequests() {
    }

    static CreateContainerCmd create(DockerClient docker, InstanceSpec spec, int port, ContainerSettings settings) {
        ExposedPort exposed = ExposedPort.tcp(port);
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(new PortBinding(Ports.Binding.bindIp(settings.bindAddress()), exposed))
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges:true"))
                .withPrivileged(false)
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,exec,nosuid,nodev,size=" + settings.tmpSize() + ",mode=1777"))
                .withPidsLimit(settings.pidsLimit())
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE,
                        Map.of("max-size", settings.logMaxSize(), "max-file", "3")));
        if (spec.memoryBytes() > 0) {
            // the same value for memory+swap: an instance never swaps
            host.withMemory(spec.memoryBytes()).withMemorySwap(spec.memoryBytes());
        }
        if (spec.cpus() > 0) {
            host.withNanoCPUs(Math.round(spec.cpus() * 1_000_000_000d));
        }
        return docker.createContainerCmd(spec.image())
                .withName(name(spec))
                .withUser(settings.user())
                .withEnv(env(spec))
                .withLabels(labels(spec, port, settings.installation()))
                .withExposedPorts(exposed)
                .withHostConfig(host);
    }

    /**
     * {@code slipway-<app>-v<release>-<short id>}: readable in {@code docker ps}, unique per
     * instance. An id that already starts with {@code <app>-v<release>-} is not repeated.
     */
    static String name(InstanceSpec spec) {
        String prefix = spec.app() + "-v" + spec.release() + "-";
        String id = spec.instanceId().startsWith(prefix) ? spec.instanceId().substring(prefix.length())
                : spec.instanceId();
        String shortId = id.replaceAll("[^a-zA-Z0-9]", "");
        if (shortId.length() > 12) {
            // ids tend to end in their random part (iris-v3-e0c8d02b, contract-1a2b3c4d)
            shortId = shortId.substring(shortId.length() - 12);
        }
        return "slipway-" + prefix + (shortId.isEmpty() ? "x" : shortId);
    }

    static Map<String, String> labels(InstanceSpec spec, int port, String installation) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(DockerBackend.MANAGED, installation);
        labels.put(DockerBackend.APP, spec.app());
        labels.put(DockerBackend.RELEASE, Integer.toString(spec.release()));
        labels.put(DockerBackend.INSTANCE, spec.instanceId());
        labels.put(DockerBackend.PORT, Integer.toString(port));
        return labels;
    }

    static InstanceState state(String dockerState) {
        String state = dockerState == null ? "" : dockerState.toLowerCase(Locale.ROOT);
        return state.equals("running") || state.equals("restarting") ? InstanceState.RUNNING : InstanceState.EXITED;
    }

    private static List<String> env(InstanceSpec spec) {
        List<String> env = new ArrayList<>();
        new TreeMap<>(spec.env()).forEach((key, value) -> env.add(key + "=" + value));
        env.add("SLIPWAY_APP=" + spec.app());
        env.add("SLIPWAY_RELEASE=" + spec.release());
        env.add("SLIPWAY_INSTANCE=" + spec.instanceId());
        return env;
    }
}
