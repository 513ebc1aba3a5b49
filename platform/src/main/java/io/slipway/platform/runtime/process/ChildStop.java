package io.slipway.platform.runtime.process;

import io.slipway.platform.runtime.BackendException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stopping a child: SIGTERM so the runtime drains, SIGKILL when the grace runs out. */
final class ChildStop {

    private static final Logger log = LoggerFactory.getLogger(ChildStop.class);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private ChildStop() {
    }

    static void terminate(ProcessHandle process, Duration grace, String instanceId) {
        process.destroy();
        if (exitedWithin(process, grace)) {
            return;
        }
        log.warn("instance {} (pid {}) still runs after {} ms; killing it", instanceId, process.pid(), grace.toMillis());
        process.destroyForcibly();
        long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        if (process.isAlive()) {
            throw new BackendException("instance " + instanceId + " (pid " + process.pid() + ") still runs "
                    + KILL_TIMEOUT.toSeconds() + " s after SIGKILL");
        }
    }

    /** False when the grace runs out or the thread is interrupted (which then stays set). */
    private static boolean exitedWithin(ProcessHandle process, Duration grace) {
        try {
            process.onExit().get(Math.max(0, grace.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
