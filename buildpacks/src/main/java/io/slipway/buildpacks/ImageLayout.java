package io.slipway.buildpacks;

import java.util.List;
import java.util.Map;

/**
 * Where things are in every image a buildpack plans. The base image and the platform's image
 * builder rely on these paths, so they are fixed here once.
 *
 * <pre>
 * /opt/slipway/jre/bin/java                 from the base image, with user slipway (10001:10001)
 * /opt/slipway/runtime/model-runtime.jar    layer "runtime"
 * /opt/slipway/runtime/lib/*.jar            layer "runtime" (common jars), layer "engine-ENGINE" (engine jars)
 * /opt/slipway/djl-cache                    layer "engine-pytorch", when the natives were extracted beforehand
 * /opt/slipway/model                        layer "model": the bundle, alone on top
 * </pre>
 */
public final class ImageLayout {

    /** The working directory of the container. */
    public static final String HOME = "/opt/slipway";

    /** The Java launcher the base image provides. */
    public static final String JAVA = "/opt/slipway/jre/bin/java";

    /** The name of the non-root user the base image provides. */
    public static final String USER_NAME = "slipway";

    /** The uid and gid of {@link #USER_NAME}. */
    public static final int UID = 10001;

    /** The user the container runs as, {@code uid:gid}. */
    public static final String USER = UID + ":" + UID;

    /** The model runtime's jar in the image. */
    public static final String RUNTIME_JAR = "/opt/slipway/runtime/model-runtime.jar";

    /** The folder of the runtime's libraries, common and engine ones alike. */
    public static final String RUNTIME_LIB = "/opt/slipway/runtime/lib";

    /** DJL's cache of extracted native libraries, when the image carries one. */
    public static final String DJL_CACHE_DIR = "/opt/slipway/djl-cache";

    /** The bundle in the image. */
    public static final String MODEL_DIR = "/opt/slipway/model";

    /** The port the runtime listens on in the container. */
    public static final int PORT = 8080;

    /** The command that starts the runtime. */
    public static final List<String> ENTRYPOINT = List.of(JAVA, "-XX:+ExitOnOutOfMemoryError",
            "-XX:MaxRAMPercentage=75", "-Dai.djl.offline=true", "-cp", RUNTIME_JAR + ":" + RUNTIME_LIB + "/*",
            "io.slipway.runtime.Main", "--model-dir", MODEL_DIR, "--port", String.valueOf(PORT));

    /** The command that tells Docker whether the runtime is ready: exit 0 when it is. */
    public static final List<String> HEALTH_CHECK = List.of(JAVA, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "-cp", RUNTIME_JAR, "io.slipway.runtime.HealthCheck", String.valueOf(PORT));

    /** Environment every image has; it wins over the manifest's {@code env}. */
    public static final Map<String, String> ENV = Map.of("OPT_OUT_TRACKING", "true", "DJL_OFFLINE", "true",
            "HOME", "/tmp");

    /** The label naming the buildpack that planned the image. */
    public static final String BUILDPACK_LABEL = "io.slipway.buildpack";

    /** The label naming the engine the image carries. */
    public static final String ENGINE_LABEL = "io.slipway.engine";

    private ImageLayout() {
    }

}
