package io.slipway.platform.runtime.process;

import io.slipway.platform.runtime.BackendException;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.InstanceSpec;
import io.slipway.platform.runtime.InstanceState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting one instance: launch the child on a free port, record it, wait until it listens;
 * when the port was taken in between, start again on another.
 */
final class ChildStart {

    private static final Logger log = LoggerFactory.getLogger(ChildStart.class);
    private static final int ATTEMPTS = 3;
    private static final int LOG_LINES_ON_FAILURE = 30;
    /** The child binds its port before it loads the model; a child this slow is left to its readiness. */
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);

    private enum Outcome { LISTENING, STILL_STARTING, EXITED }

    private final InstanceSpec spec;
    private final Path releaseDir;
    private final RuntimeCommand command;
    private final InstanceFiles files;
    private final Clock clock;

    ChildStart(InstanceSpec spec, Path releaseDir, RuntimeCommand command, InstanceFiles files, Clock clock) {
        this.spec = spec;
        this.releaseDir = releaseDir;
        this.command = command;
        this.files = files;
        this.clock = clock;
    }

    Instance run(IntSupplier ports) {
        for (int attempt = 1; ; attempt++) {
            int port = ports.getAsInt();
            long begin = System.nanoTime();
            Process process = launch(port);
            InstanceRecord record = new InstanceRecord(spec.instanceId(), spec.app(), spec.release(), process.pid(),
                    port, clock.instant(), releaseDir);
            try {
                files.write(record);
            } catch (BackendException e) {
                process.destroyForcibly();
                files.remove(spec.instanceId());
                throw e;
            }
            Outcome outcome = awaitListening(process, port);
            if (outcome != Outcome.EXITED) {
                log.info("started instance {} of app {} release {}: pid {}, port {}, {} in {} ms", spec.instanceId(),
                        spec.app(), spec.release(), process.pid(), port,
                        outcome == Outcome.LISTENING ? "listening" : "not listening yet",
                        (System.nanoTime() - begin) / 1_000_000);
                return record.toInstance(InstanceState.RUNNING);
            }
            String output = tail(LOG_LINES_ON_FAILURE);
            files.remove(spec.instanceId());
            if (bindFailed(output) && attempt < ATTEMPTS) {
                log.info("port {} was taken before instance {} could bind it; trying another", port, spec.instanceId());
                continue;
            }
            throw new BackendException("instance " + spec.instanceId() + " of app " + spec.app() + " release "
                    + spec.release() + " exited at start with code " + process.exitValue() + "; it printed:\n" + output);
        }
    }

    private Process launch(int port) {
        ProcessBuilder builder = new ProcessBuilder(command.command(spec, releaseDir, port))
                .directory(files.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(files.log(spec.instanceId()).toFile()));
        builder.environment().clear();
        builder.environment().putAll(RuntimeCommand.environment(System.getenv(), spec.env()));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            files.remove(spec.instanceId());
            throw new BackendException("cannot start the runtime for instance " + spec.instanceId() + " of app "
                    + spec.app() + " release " + spec.release(), e);
        }
    }

    private static Outcome awaitListening(Process process, int port) {
        long deadline = System.nanoTime() + LISTEN_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
                    return Outcome.EXITED;
                }
                if (PortOwner.listens(process.pid(), port)) {
                    return Outcome.LISTENING;
                }
            }
            return Outcome.STILL_STARTING;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.STILL_STARTING;
        }
    }

    private static boolean bindFailed(String output) {
        return output.contains("BindException") || output.contains("Address already in use");
    }

    private String tail(int lines) {
        try {
            return LogTail.of(files.log(spec.instanceId()), lines);
        } catch (IOException e) {
            return "(its log cannot be read: " + e.getMessage() + ")";
        }
    }
}
