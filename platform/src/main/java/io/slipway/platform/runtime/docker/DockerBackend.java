package io.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Ports;
import io.slipway.platform.runtime.BackendException;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.InstanceSpec;
import io.slipway.platform.runtime.RuntimeBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs each instance as a container of its release image: the runtime's port published on
 * 127.0.0.1 only, non-root, no capabilities, read-only root file system, CPU and memory limits,
 * and labels that find it again after a platform restart.
 */
public class DockerBackend implements RuntimeBackend {

    static final String MANAGED = "io.slipway.managed";
    static final String APP = "io.slipway.app";
    static final String RELEASE = "io.slipway.release";
    static final String INSTANCE = "io.slipway.instance";
    static final String PORT = "io.slipway.port";

    private final DockerClient docker;
    private final ContainerSettings settings;

    public DockerBackend(DockerClient docker) {
        this(docker, ContainerSettings.DEFAULTS);
    }

    public DockerBackend(DockerClient docker, ContainerSettings settings) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public Instance start(InstanceSpec spec) {
        if (spec.image() == null) {
            throw new BackendException("instance " + spec.instanceId() + " of app " + spec.app() + " has no image");
        }
        if (!containers(spec.instanceId()).isEmpty()) {
            throw new BackendException("instance " + spec.instanceId() + " of app " + spec.app()
                    + " already has a container; stop it first");
        }
        int port = runtimePort(spec);
        String containerId = null;
        try {
            CreateContainerResponse created = ContainerRequests.create(docker, spec, port, settings).exec();
            containerId = created.getId();
            docker.startContainerCmd(containerId).exec();
            InspectContainerResponse inspected = docker.inspectContainerCmd(containerId).exec();
            return new Instance(spec.instanceId(), spec.app(), spec.release(), publishedPort(inspected, port),
                    ContainerRequests.state(inspected.getState().getStatus()),
                    Instant.parse(inspected.getState().getStartedAt()), containerId);
        } catch (DockerException | IllegalArgumentException e) {
            if (containerId != null) {
                removeQuietly(containerId);
            }
            throw new BackendException("cannot start instance " + spec.instanceId() + " of app " + spec.app()
                    + " v" + spec.release() + " from image " + spec.image() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void stop(String instanceId, Duration grace) {
        int seconds = (int) Math.max(0, Math.min(Integer.MAX_VALUE, (grace.toMillis() + 999) / 1000));
        for (Container container : containers(instanceId)) {
            try {
                docker.stopContainerCmd(container.getId()).withTimeout(seconds).exec();
            } catch (NotFoundException | NotModifiedException e) {
                // already stopped or gone: nothing to stop
            } catch (DockerException e) {
                throw new BackendException("cannot stop instance " + instanceId + ": " + e.getMessage(), e);
            }
            removeQuietly(container.getId());
        }
    }

    @Override
    public List<Instance> list() {
        return containers(null).stream().map(DockerBackend::toInstance).flatMap(Optional::stream).toList();
    }

    /** The container's CPU time from the engine's statistics (one sample, no stream). */
    @Override
    public Optional<Duration> cpuTime(String instanceId) {
        Optional<Instance> instance = find(instanceId).filter(Instance::running);
        if (instance.isEmpty()) {
            return Optional.empty();
        }
        try (var callback = new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Statistics>() {
            volatile com.github.dockerjava.api.model.Statistics last;

            @Override
            public void onNext(com.github.dockerjava.api.model.Statistics statistics) {
                last = statistics;
            }
        }) {
            docker.statsCmd(instance.get().backendId()).withNoStream(true).exec(callback).awaitCompletion(5,
                    java.util.concurrent.TimeUnit.SECONDS);
            var stats = callback.last;
            if (stats == null || stats.getCpuStats() == null || stats.getCpuStats().getCpuUsage() == null
                    || stats.getCpuStats().getCpuUsage().getTotalUsage() == null) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(stats.getCpuStats().getCpuUsage().getTotalUsage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Instance> find(String instanceId) {
        return containers(instanceId).stream().map(DockerBackend::toInstance).flatMap(Optional::stream).findFirst();
    }

    /**
     * {@inheritDoc}
     *
     * @throws BackendException when no container runs for the instance
     */
    @Override
    public String logs(String instanceId, int lines) {
        Container container = containers(instanceId).stream().findFirst()
                .orElseThrow(() -> new BackendException("no container for instance " + instanceId));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                out.writeBytes(frame.getPayload());
            }
        }) {
            docker.logContainerCmd(container.getId()).withStdOut(true).withStdErr(true)
                    .withTail(Math.max(0, lines)).withFollowStream(false).exec(callback);
            if (!callback.awaitCompletion(settings.logsTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BackendException("logs of instance " + instanceId + " took longer than "
                        + settings.logsTimeout().toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted reading the logs of instance " + instanceId, e);
        } catch (IOException | DockerException e) {
            throw new BackendException("cannot read the logs of instance " + instanceId + ": " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<Container> containers(String instanceId) {
        Map<String, String> labels = instanceId == null ? Map.of(MANAGED, settings.installation())
                : Map.of(MANAGED, settings.installation(), INSTANCE, instanceId);
        try {
            return docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
        } catch (DockerException e) {
            throw new BackendException("cannot list Slipway's containers: " + e.getMessage(), e);
        }
    }

    private int runtimePort(InstanceSpec spec) {
        try {
            ContainerConfig config = docker.inspectImageCmd(spec.image()).exec().getConfig();
            ExposedPort[] ports = config == null ? null : config.getExposedPorts();
            return ports == null || ports.length == 0 ? settings.defaultPort() : ports[0].getPort();
        } catch (NotFoundException e) {
            throw new BackendException("image " + spec.image() + " of app " + spec.app() + " v" + spec.release()
                    + " does not exist", e);
        } catch (DockerException e) {
            throw new BackendException("cannot inspect image " + spec.image() + " of app " + spec.app() + ": "
                    + e.getMessage(), e);
        }
    }

    private static int publishedPort(InspectContainerResponse container, int port) {
        Ports.Binding[] bindings = container.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(port));
        if (bindings == null || bindings.length == 0) {
            return 0;
        }
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    /** The instance a Slipway container runs; empty for a container whose labels are not Slipway's. */
    private static Optional<Instance> toInstance(Container container) {
        Map<String, String> labels = container.getLabels();
        String id = labels.get(INSTANCE);
        String app = labels.get(APP);
        if (id == null || app == null) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(labels.getOrDefault(PORT, "8080"));
            int hostPort = 0;
            for (ContainerPort published : container.getPorts() == null ? new ContainerPort[0] : container.getPorts()) {
                if (published.getPrivatePort() != null && published.getPrivatePort() == port
                        && published.getPublicPort() != null) {
                    hostPort = published.getPublicPort();
                }
            }
            return Optional.of(new Instance(id, app, Integer.parseInt(labels.getOrDefault(RELEASE, "0")), hostPort,
                    ContainerRequests.state(container.getState()), Instant.ofEpochSecond(container.getCreated()),
                    container.getId()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void removeQuietly(String containerId) {
        try {
            docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // gone already
        } catch (DockerException e) {
            // "removal already in progress" and the like: the container is on its way out
        }
    }
}
