package io.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.time.Duration;

/** Makes docker-java clients (Apache HttpClient 5 transport) and tells whether an engine answers. */
public final class DockerClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private DockerClients() {
    }

    /**
     * A client for the engine at {@code host} ({@code unix:///var/run/docker.sock},
     * {@code tcp://127.0.0.1:2375}, ...); null or blank means {@code DOCKER_HOST} or the default
     * socket. Responses have no time limit: builds, pulls and {@code docker stop} take long.
     */
    public static DockerClient connect(String host) {
        return connect(host, null);
    }

    /** Whether an engine at {@code host} answers a ping within two seconds. */
    public static boolean reachable(String host) {
        return reachable(host, Duration.ofSeconds(2));
    }

    /** Whether an engine at {@code host} answers a ping within {@code timeout}. */
    public static boolean reachable(String host, Duration timeout) {
        try (DockerClient client = connect(host, timeout)) {
            client.pingCmd().exec();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static DockerClient connect(String host, Duration responseTimeout) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (host != null && !host.isBlank()) {
            config.withDockerHost(host);
        }
        DefaultDockerClientConfig resolved = config.build();
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(resolved.getDockerHost())
                .sslConfig(resolved.getSSLConfig())
                .maxConnections(50)
                .connectionTimeout(responseTimeout == null ? CONNECT_TIMEOUT : responseTimeout);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(resolved, http.build());
    }
}
