package io.slipway.platform;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import io.slipway.platform.runtime.docker.DockerClients;

/**
 * Gives tests a client of a real Docker engine. Without a reachable engine the calling test is
 * skipped, unless {@code SLIPWAY_REQUIRE_DOCKER=1} (as in CI): then it fails and says why.
 */
public final class DockerAvailability {

    /** The environment variable that turns a missing engine from a skip into a failure. */
    public static final String REQUIRE = "SLIPWAY_REQUIRE_DOCKER";

    private static DockerClient client;
    private static Boolean reachable;

    private DockerAvailability() {
    }

    /** A client of the engine at {@code DOCKER_HOST} (or the default socket), shared by all tests. */
    public static synchronized DockerClient client() {
        if (reachable == null) {
            reachable = DockerClients.reachable(host());
        }
        if (!reachable) {
            String where = host() == null ? "the default socket (unix:///var/run/docker.sock)" : host();
            if (required()) {
                fail("No Docker engine answers at " + where + ", and " + REQUIRE + "=1 says these tests must run."
                        + " Start dockerd (see .ci/run) or unset " + REQUIRE + " to skip them.");
            }
            assumeTrue(false, "No Docker engine answers at " + where + "; skipping (set " + REQUIRE
                    + "=1 to make this a failure)");
        }
        if (client == null) {
            client = DockerClients.connect(host());
        }
        return client;
    }

    /** Whether a missing engine fails the tests instead of skipping them. */
    public static boolean required() {
        String value = System.getenv(REQUIRE);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    private static String host() {
        String host = System.getenv("DOCKER_HOST");
        return host == null || host.isBlank() ? null : host;
    }
}
