package io.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RuntimeBackend} passes, with real instances of the sample bundle
 * {@code sample-apps/iris-onnx} answering real HTTP on 127.0.0.1.
 */
public abstract class AbstractRuntimeBackendContractTests {

    protected static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final InstanceHttp http = new InstanceHttp();
    private final List<String> started = new CopyOnWriteArrayList<>();

    /** The backend under test, made by {@link #newBackendSharingState()} before each test. */
    protected RuntimeBackend backend;

    /**
     * A new backend object with the same configuration and state as every other one this test
     * makes (same state directory, same engine): a platform restart is a second such object.
     */
    protected abstract RuntimeBackend newBackendSharingState();

    /** A spec that runs the sample bundle {@code sample-apps/iris-onnx} on this backend. */
    protected abstract InstanceSpec specFor(String instanceId, String app, int release);

    /** Kills the instance's process or container at once, behind the backend's back (kill -9). */
    protected abstract void killAbruptly(Instance instance);

    @BeforeEach
    void createBackend() {
        backend = newBackendSharingState();
    }

    @AfterEach
    void stopEveryInstanceStarted() {
        for (String id : started) {
            try {
                backend.stop(id, Duration.ZERO);
            } catch (RuntimeException e) {
                System.err.println("could not stop instance " + id + " after the test: " + e);
            }
        }
    }

    @Test
    void startReturnsRunningInstanceWithPort() {
        Instance instance = start("iris", 1);

        assertThat(instance.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(instance.port()).isBetween(1, 65535);
        assertThat(instance.app()).isEqualTo("iris");
        assertThat(instance.release()).isEqualTo(1);
    }

    @Test
    void startedInstanceBecomesReadyOnLoopback() {
        Instance instance = start("iris", 1);

        awaitReady(instance);
    }

    @Test
    void readyInstanceServesV2InferenceForIris() {
        Instance instance = startReady("iris", 1);

        HttpResponse<String> response = infer(instance.port());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"outputs\"").contains("probabilities");
    }

    @Test
    void listContainsStartedInstanceWithAppAndRelease() {
        Instance instance = start("iris", 3);

        assertThat(backend.list()).filteredOn(listed -> listed.id().equals(instance.id()))
                .singleElement()
                .satisfies(listed -> {
                    assertThat(listed.app()).isEqualTo("iris");
                    assertThat(listed.release()).isEqualTo(3);
                    assertThat(listed.port()).isEqualTo(instance.port());
                    assertThat(listed.state()).isEqualTo(InstanceState.RUNNING);
                });
    }

    @Test
    void findReturnsStartedInstanceAndNothingForUnknownId() {
        Instance instance = start("iris", 1);

        assertThat(backend.find(instance.id())).hasValueSatisfying(found -> {
            assertThat(found.port()).isEqualTo(instance.port());
            assertThat(found.running()).isTrue();
        });
        assertThat(backend.find(newInstanceId())).isEmpty();
    }

    @Test
    void logsContainRuntimeReadyLine() {
        Instance instance = startReady("iris", 1);

        await("the ready line in the logs", () -> backend.logs(instance.id(), 100).contains("ready on port"));
        assertThat(backend.logs(instance.id(), 100)).contains("ready on port " + runtimePort(instance));
    }

    /** The port the runtime itself listens on (a container's, behind the published one). */
    protected int runtimePort(Instance instance) {
        return instance.port();
    }

    @Test
    void stopRemovesInstanceAndClosesItsPort() {
        Instance instance = startReady("iris", 1);

        backend.stop(instance.id(), Duration.ofSeconds(10));

        assertThat(backend.list()).extracting(Instance::id).doesNotContain(instance.id());
        assertThat(backend.find(instance.id())).isEmpty();
        assertThat(acceptsConnections(instance.port())).as("port %d accepts connections", instance.port()).isFalse();
    }

    @Test
    void stopLetsRequestInFlightFinish() throws Exception {
        Instance instance = startReady("iris", 1);
        HeldRequestBody body = new HeldRequestBody(InstanceHttp.IRIS_REQUEST);
        CompletableFuture<HttpResponse<String>> response = http.inferAsync(instance.port(), body);
        await("the client to send the request", body::subscribed);
        body.sendHead();
        await("the request to be in flight (the runtime waits for the rest of its body)",
                () -> http.get(instance.port(), "/metrics").contains("slipway_runtime_in_flight_requests 1.0"));

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(
                () -> backend.stop(instance.id(), Duration.ofSeconds(20)));
        await("the instance to drain (ready turns 503)", () -> http.status(instance.port(), "/v2/health/ready") == 503);
        body.sendRest();

        assertThat(response.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stopped.get(30, TimeUnit.SECONDS);
        assertThat(backend.list()).extracting(Instance::id).doesNotContain(instance.id());
        assertThat(acceptsConnections(instance.port())).isFalse();
    }

    @Test
    void stopOfUnknownInstanceIsNoOp() {
        String unknown = newInstanceId();

        backend.stop(unknown, Duration.ofSeconds(1));

        assertThat(backend.find(unknown)).isEmpty();
    }

    @Test
    void killedInstanceIsListedAsExitedUntilStopped() {
        Instance instance = start("iris", 1);

        killAbruptly(instance);

        await("the killed instance to be listed as EXITED", () -> backend.list().stream()
                .anyMatch(listed -> listed.id().equals(instance.id()) && listed.state() == InstanceState.EXITED));
        backend.stop(instance.id(), Duration.ofSeconds(1));
        assertThat(backend.list()).extracting(Instance::id).doesNotContain(instance.id());
    }

    @Test
    void newBackendSharingStateFindsRunningInstance() {
        Instance instance = startReady("iris", 2);

        RuntimeBackend restarted = newBackendSharingState();

        assertThat(restarted.list()).filteredOn(listed -> listed.id().equals(instance.id()))
                .singleElement()
                .satisfies(listed -> {
                    assertThat(listed.state()).isEqualTo(InstanceState.RUNNING);
                    assertThat(listed.port()).isEqualTo(instance.port());
                    assertThat(listed.release()).isEqualTo(2);
                });
        assertThat(infer(instance.port()).statusCode()).isEqualTo(200);
        restarted.stop(instance.id(), Duration.ofSeconds(10));
        assertThat(backend.find(instance.id())).isEmpty();
        assertThat(acceptsConnections(instance.port())).isFalse();
    }

    @Test
    void twoInstancesOfOneAppRunSideBySideOnDifferentPorts() {
        Instance first = start("iris", 1);
        Instance second = start("iris", 1);

        assertThat(first.port()).isNotEqualTo(second.port());
        awaitReady(first);
        awaitReady(second);
        assertThat(infer(first.port()).statusCode()).isEqualTo(200);
        assertThat(infer(second.port()).statusCode()).isEqualTo(200);
        assertThat(backend.list()).extracting(Instance::id).contains(first.id(), second.id());
    }

    @Test
    void startingAnInstanceIdThatExistsFails() {
        Instance instance = start("iris", 1);

        assertThatThrownBy(() -> backend.start(specFor(instance.id(), "iris", 1)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(instance.id());
        assertThat(backend.list()).filteredOn(listed -> listed.id().equals(instance.id())).hasSize(1);
    }

    /** Starts an instance of the sample bundle that {@link #stopEveryInstanceStarted()} stops. */
    protected Instance start(String app, int release) {
        String id = newInstanceId();
        started.add(id);
        return backend.start(specFor(id, app, release));
    }

    protected Instance startReady(String app, int release) {
        Instance instance = start(app, release);
        awaitReady(instance);
        return instance;
    }

    protected static String newInstanceId() {
        return "contract-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected void awaitReady(Instance instance) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (http.status(instance.port(), "/v2/health/ready") == 200) {
                return;
            }
            sleep(100);
        }
        fail("instance " + instance.id() + " not ready on port " + instance.port() + " within " + READY_TIMEOUT
                + "; it printed:\n" + backend.logs(instance.id(), 50));
    }

    protected HttpResponse<String> infer(int port) {
        return http.infer(port);
    }

    protected static boolean acceptsConnections(int port) {
        return InstanceHttp.acceptsConnections(port);
    }

    protected static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after 30 s waiting for " + what);
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
