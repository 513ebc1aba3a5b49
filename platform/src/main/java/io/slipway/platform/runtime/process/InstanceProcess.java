package io.slipway.platform.runtime.process;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the live process of an instance. A pid alone is not enough after a restart (the pid may
 * belong to another process by now), so the process must also carry the instance's marker flag.
 */
final class InstanceProcess {

    private InstanceProcess() {
    }

    /** The JVM flag that names the instance on its command line. */
    static String marker(String instanceId) {
        return "-Dslipway.instance=" + instanceId;
    }

    static Optional<ProcessHandle> of(InstanceRecord record) {
        return ProcessHandle.of(record.pid())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> runs(handle.info(), record.id()));
    }

    /** Whether the command line holds the marker as a whole argument (id {@code a} is not {@code ab}). */
    static boolean runs(ProcessHandle.Info info, String instanceId) {
        String marker = marker(instanceId);
        return info.arguments()
                .map(arguments -> Arrays.asList(arguments).contains(marker))
                .orElseGet(() -> info.commandLine()
                        .map(line -> List.of(line.split(" ")).contains(marker))
                        .orElse(false));
    }
}
