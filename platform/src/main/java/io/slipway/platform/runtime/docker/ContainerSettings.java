package io.slipway.platform.runtime.docker;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Docker backend shapes every container, beyond what an instance's spec says.
 *
 * @param bindAddress host address the runtime's port is published on; loopback keeps instances
 *     reachable only through the platform's router
 * @param user uid:gid the container runs as when started
 * @param defaultPort the runtime's port in the container when the image exposes none
 * @param tmpSize size of the tmpfs at {@code /tmp}, the only writable place ({@code HOME} points
 *     there); counts against the memory limit. It allows exec: ONNX Runtime unpacks its native
 *     library there (about 20 MB) at every start and maps it executable
 * @param pidsLimit most processes and threads one container may have
 * @param logMaxSize size at which Docker rotates a container's log file (three are kept)
 * @param logsTimeout how long reading a container's log may take
 * @param installation the Slipway installation that owns the containers (the value of their
 *     {@code io.slipway.managed} label); two installations on one engine never touch each
 *     other's containers
 */
public record ContainerSettings(String bindAddress, String user, int defaultPort, String tmpSize, long pidsLimit,
        String logMaxSize, Duration logsTimeout, String installation) {

    /** Loopback only, uid 10001, a 256 MiB {@code /tmp}, 1024 processes, 10 MB log files. */
    public static final ContainerSettings DEFAULTS = new ContainerSettings("127.0.0.1", "10001:10001", 8080, "256m",
            1024, "10m", Duration.ofSeconds(10), "default");

    public ContainerSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(user, "user");
        if (user.startsWith("0:") || user.equals("0") || user.equals("root")) {
            throw new IllegalArgumentException("user must not be root, got " + user);
        }
        if (defaultPort < 1 || defaultPort > 65535) {
            throw new IllegalArgumentException("defaultPort must be 1..65535, got " + defaultPort);
        }
        Objects.requireNonNull(tmpSize, "tmpSize");
        if (pidsLimit < 1) {
            throw new IllegalArgumentException("pidsLimit must be >= 1, got " + pidsLimit);
        }
        Objects.requireNonNull(logMaxSize, "logMaxSize");
        Objects.requireNonNull(logsTimeout, "logsTimeout");
        if (installation == null || !installation.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("installation must be 1-64 letters, digits, '.', '_' or '-', got "
                    + installation);
        }
    }

    /** These settings for the containers of another installation. */
    public ContainerSettings withInstallation(String installation) {
        return new ContainerSettings(bindAddress, user, defaultPort, tmpSize, pidsLimit, logMaxSize, logsTimeout,
                installation);
    }
}
