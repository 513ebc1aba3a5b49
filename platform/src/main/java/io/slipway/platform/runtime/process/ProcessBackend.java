package io.slipway.platform.runtime.process;

import io.slipway.platform.runtime.BackendException;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.InstanceSpec;
import io.slipway.platform.runtime.InstanceState;
import io.slipway.platform.runtime.RuntimeBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code process} backend: an instance is a child JVM running the model runtime on the
 * release directory, listening on a free port of 127.0.0.1.
 *
 * <p>Each instance has {@code <id>.properties} (app, release, pid, port, ...) and {@code <id>.log}
 * (its stdout and stderr) in the state directory. Children outlive the platform; a new backend on
 * the same state directory finds them through those files, and trusts a pid only when that process
 * still carries the instance's {@code -Dslipway.instance=<id>} flag. Instances whose process is
 * gone are listed as EXITED until stopped. {@link #stop} removes both files, the log included, as
 * removing a container does.
 *
 * <p>Limits: memory bounds only the heap ({@code -Xmx}, three quarters of it); CPU is not bounded
 * at all, {@code -XX:ActiveProcessorCount} only sizes the child's thread pools.
 */
public final class ProcessBackend implements RuntimeBackend {

    private static final Logger log = LoggerFactory.getLogger(ProcessBackend.class);
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private final RuntimeCommand command;
    private final InstanceFiles files;
    private final Clock clock;
    private final IntSupplier ports;
    private final Set<String> starting = ConcurrentHashMap.newKeySet();

    /**
     * @param runtimeDistribution a directory with {@code model-runtime.jar} and {@code lib/}
     *     (what {@code model-runtime/target} holds after {@code mvn install})
     * @param stateDir where the state and log files of instances live; created when missing
     * @param clock gives the start time of instances
     */
    public ProcessBackend(Path runtimeDistribution, Path stateDir, Clock clock) {
        this(runtimeDistribution, stateDir, clock, ProcessBackend::freePort);
    }

    ProcessBackend(Path runtimeDistribution, Path stateDir, Clock clock, IntSupplier ports) {
        this.command = new RuntimeCommand(Path.of(System.getProperty("java.home"), "bin", "java"),
                runtimeDistribution);
        this.files = new InstanceFiles(stateDir);
        this.clock = clock;
        this.ports = ports;
    }

    @Override
    public String name() {
        return "process";
    }

    /**
     * Starts the child and returns once it listens on its port: the runtime binds before it loads
     * the model, so this is well before it is ready. A port that someone else takes between being
     * chosen and being bound is retried with another one.
     *
     * @throws BackendException when the id is in use or the runtime exits at once (with its output)
     */
    @Override
    public Instance start(InstanceSpec spec) {
        String id = spec.instanceId();
        Path releaseDir = releaseDir(spec);
        if (!INSTANCE_ID.matcher(id).matches()) {
            throw new BackendException("instance id '" + id + "' of app " + spec.app()
                    + " must match " + INSTANCE_ID.pattern() + " (it names files and a JVM flag)");
        }
        if (!starting.add(id)) {
            throw new BackendException("instance " + id + " of app " + spec.app() + " is being started already");
        }
        try {
            if (files.read(id).isPresent()) {
                throw new BackendException("instance " + id + " of app " + spec.app()
                        + " exists already; stop it before starting it again");
            }
            return new ChildStart(spec, releaseDir, command, files, clock).run(ports);
        } finally {
            starting.remove(id);
        }
    }

    /** SIGTERM, up to {@code grace} for the runtime to drain, then SIGKILL; then the files go. */
    @Override
    public void stop(String instanceId, Duration grace) {
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            return;
        }
        Optional<InstanceRecord> record = files.read(instanceId);
        record.flatMap(InstanceProcess::of).ifPresent(process -> {
            log.info("stopping instance {} of app {} (pid {}): SIGTERM, up to {} ms to drain", instanceId,
                    record.get().app(), process.pid(), grace.toMillis());
            ChildStop.terminate(process, grace, instanceId);
        });
        files.remove(instanceId);
    }

    @Override
    public List<Instance> list() {
        return files.readAll().stream()
                .map(ProcessBackend::describe)
                .sorted(Comparator.comparing(Instance::startedAt).thenComparing(Instance::id))
                .toList();
    }

    /** The child's CPU time from the process table. */
    @Override
    public Optional<Duration> cpuTime(String instanceId) {
        return find(instanceId).filter(Instance::running)
                .flatMap(instance -> ProcessHandle.of(Long.parseLong(instance.backendId())))
                .flatMap(handle -> handle.info().totalCpuDuration());
    }

    @Override
    public Optional<Instance> find(String instanceId) {
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            return Optional.empty();
        }
        return files.read(instanceId).map(ProcessBackend::describe);
    }

    /** The log's tail; "" for an unknown instance. Logs of stopped instances are gone. */
    @Override
    public String logs(String instanceId, int lines) {
        if (!INSTANCE_ID.matcher(instanceId).matches()) {
            return "";
        }
        try {
            return LogTail.of(files.log(instanceId), lines);
        } catch (IOException e) {
            throw new BackendException("cannot read the log of instance " + instanceId, e);
        }
    }

    private static Instance describe(InstanceRecord record) {
        return record.toInstance(InstanceProcess.of(record).isPresent() ? InstanceState.RUNNING : InstanceState.EXITED);
    }

    private static Path releaseDir(InstanceSpec spec) {
        if (spec.releaseDir() == null) {
            throw new BackendException("the process backend runs a release directory, but instance "
                    + spec.instanceId() + " of app " + spec.app() + " release " + spec.release() + " has only an image");
        }
        Path dir = spec.releaseDir().toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new BackendException("release directory " + dir + " of app " + spec.app() + " release "
                    + spec.release() + " does not exist");
        }
        return dir;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BackendException("no free port on 127.0.0.1", e);
        }
    }
}
