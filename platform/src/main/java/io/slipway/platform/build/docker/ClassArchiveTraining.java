package io.slipway.platform.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs an image once with {@code -XX:ArchiveClassesAtExit}: the runtime starts, loads its model,
 * answers ready and one inference through its HTTP API, and is stopped; the JVM writes the classes
 * it loaded on the way out, and the archive is copied out of the container. Every later start of
 * the same runtime and engine maps those classes instead of loading them one by one.
 */
final class ClassArchiveTraining {

    private static final String ARCHIVE_IN_CONTAINER = "/tmp/classes.jsa";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DockerClient docker;
    private final Duration readyTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1).build();

    ClassArchiveTraining(DockerClient docker, Duration readyTimeout) {
        this.docker = docker;
        this.readyTimeout = readyTimeout;
    }

    /**
     * Records the classes {@code image}'s runtime loads into {@code target}.
     *
     * @param entrypoint the image's entrypoint, a Java launcher first
     * @param port the runtime's port in the container
     * @param model the model's name, for the inference; null to skip it
     * @return {@code target}, or empty when the run did not get as far as an archive (said in the log)
     */
    Optional<Path> train(String image, List<String> entrypoint, int port, String model, Path target,
            Consumer<String> log) {
        long start = System.nanoTime();
        String container = null;
        try {
            ExposedPort exposed = ExposedPort.tcp(port);
            container = docker.createContainerCmd(image)
                    .withName("slipway-class-archive-" + UUID.randomUUID().toString().substring(0, 8))
                    .withEntrypoint(ClassArchives.recording(entrypoint, ARCHIVE_IN_CONTAINER))
                    .withLabels(Map.of("io.slipway.class-archive", "training"))
                    .withExposedPorts(exposed)
                    .withHostConfig(HostConfig.newHostConfig()
                            .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), exposed))
                            .withCapDrop(Capability.ALL)
                            .withSecurityOpts(List.of("no-new-privileges:true")))
                    .exec().getId();
            docker.startContainerCmd(container).exec();
            int hostPort = hostPort(docker.inspectContainerCmd(container).exec(), exposed);
            if (!awaitReady(container, hostPort)) {
                log.accept("Class data sharing: the training run did not answer ready within "
                        + readyTimeout.toSeconds() + " s; no archive");
                return Optional.empty();
            }
            if (model != null) {
                infer(hostPort, model);
            }
            docker.stopContainerCmd(container).withTimeout(10).exec();
            copyOut(container, target);
            log.accept("Class data sharing: recorded the classes of a run that loaded the model and answered an"
                    + " inference (" + Formats.seconds(start) + ", " + Formats.megabytes(Files.size(target)) + ")");
            return Optional.of(target);
        } catch (IOException | RuntimeException e) {
            log.accept("Class data sharing: no archive (" + Formats.seconds(start) + "): " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (container != null) {
                try {
                    docker.removeContainerCmd(container).withForce(true).exec();
                } catch (DockerException e) {
                    // gone already, or on its way out
                }
            }
        }
    }

    private boolean awaitReady(String container, int hostPort) throws InterruptedException {
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            if (status(HttpRequest.newBuilder(uri(hostPort, "/v2/health/ready")).GET()) == 200) {
                return true;
            }
            if (attempt % 10 == 9 && !Boolean.TRUE.equals(docker.inspectContainerCmd(container).exec().getState()
                    .getRunning())) {
                return false;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** One V2 inference of zeros shaped as the model's metadata says, so the request path is recorded too. */
    private void infer(int hostPort, String model) throws IOException, InterruptedException {
        HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(uri(hostPort, "/v2/models/" + model))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (metadata.statusCode() != 200) {
            return;
        }
        ObjectNode request = JSON.createObjectNode();
        ArrayNode inputs = request.putArray("inputs");
        for (JsonNode input : JSON.readTree(metadata.body()).path("inputs")) {
            ObjectNode tensor = inputs.addObject();
            tensor.put("name", input.path("name").asString());
            String datatype = input.path("datatype").asString();
            tensor.put("datatype", datatype);
            ArrayNode shape = tensor.putArray("shape");
            long count = 1;
            for (JsonNode dimension : input.path("shape")) {
                long size = Math.max(1, dimension.asLong());
                shape.add(size);
                count *= size;
            }
            ArrayNode data = tensor.putArray("data");
            for (long i = 0; i < Math.min(count, 1 << 16); i++) {
                switch (datatype) {
                    case "BOOL" -> data.add(false);
                    case "BYTES" -> data.add("");
                    default -> data.add(0);
                }
            }
        }
        status(HttpRequest.newBuilder(uri(hostPort, "/v2/models/" + model + "/infer"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))));
    }

    private int status(HttpRequest.Builder request) throws InterruptedException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private void copyOut(String container, Path target) throws IOException {
        try (InputStream in = docker.copyArchiveFromContainerCmd(container, ARCHIVE_IN_CONTAINER).exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            if (tar.getNextEntry() == null) {
                throw new IOException("the training run left no " + ARCHIVE_IN_CONTAINER);
            }
            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (NotFoundException e) {
            throw new IOException("the training run left no " + ARCHIVE_IN_CONTAINER + " (did the JVM exit cleanly?)",
                    e);
        }
    }

    private static int hostPort(InspectContainerResponse container, ExposedPort exposed) {
        Ports.Binding[] bindings = container.getNetworkSettings().getPorts().getBindings().get(exposed);
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException("the training container's port " + exposed.getPort() + " is not published");
        }
        return Integer.parseInt(bindings[0].getHostPortSpec());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
