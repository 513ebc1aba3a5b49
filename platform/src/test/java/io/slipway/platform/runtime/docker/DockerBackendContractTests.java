package io.slipway.platform.runtime.docker;

import io.slipway.platform.DockerAvailability;
import io.slipway.platform.build.docker.TestImages;
import io.slipway.platform.runtime.AbstractRuntimeBackendContractTests;
import io.slipway.platform.runtime.Instance;
import io.slipway.platform.runtime.InstanceSpec;
import io.slipway.platform.runtime.RuntimeBackend;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** The backend contract on containers of the iris sample's image. */
class DockerBackendContractTests extends AbstractRuntimeBackendContractTests {

    private static final long MEMORY = 512L * 1024 * 1024;

    /** This test class's own label value: other test runs on the same engine are left alone. */
    private static final String INSTALLATION = "test-" + java.util.UUID.randomUUID().toString().substring(0, 8);

    private static String image;

    @BeforeAll
    static void buildImage() {
        DockerAvailability.client();
        image = TestImages.iris().tag();
    }

    @Override
    protected RuntimeBackend newBackendSharingState() {
        return new DockerBackend(DockerAvailability.client(), ContainerSettings.DEFAULTS.withInstallation(INSTALLATION));
    }

    @Override
    protected InstanceSpec specFor(String instanceId, String app, int release) {
        return new InstanceSpec(instanceId, app, release, image, null, Map.of(), 1.0, MEMORY);
    }

    @Override
    protected void killAbruptly(Instance instance) {
        DockerAvailability.client().killContainerCmd(instance.backendId()).exec();
    }

    /**
     * The port the runtime reports in its ready line: 8080 inside the container, while the
     * instance's port is the one Docker published on 127.0.0.1. Meant for a contract hook (the
     * contract's {@code logsContainRuntimeReadyLine} still expects the published port).
     */
    protected int runtimePort(Instance instance) {
        return 8080;
    }
}
