package io.slipway.runtime;

import io.slipway.buildpacks.manifest.ManifestException;
import io.slipway.runtime.model.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar model-runtime.jar --model-dir DIR [--port 8080] [--host 0.0.0.0]}: serves
 * the model of the bundle in DIR until SIGTERM, then drains and exits within 10 seconds.
 */
public final class Main {

    private static final String USAGE = "usage: java -jar model-runtime.jar --model-dir DIR [--port 8080] [--host 0.0.0.0]";

    private Main() {
    }

    public static void main(String[] args) {
        DjlOffline.enforce();
        Path modelDir = null;
        int port = 8080;
        String host = "0.0.0.0";
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--model-dir" -> modelDir = Path.of(value(args, ++i, "--model-dir"));
                    case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                    case "--host" -> host = value(args, ++i, "--host");
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (modelDir == null) {
                throw new IllegalArgumentException("--model-dir is required");
            }
            if (!Files.isDirectory(modelDir)) {
                throw new IllegalArgumentException("--model-dir " + modelDir + " is not a directory");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be 0..65535");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("model-runtime: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        ModelRuntime runtime;
        try {
            runtime = ModelRuntime.start(modelDir, host, port);
        } catch (ManifestException e) {
            System.err.println("model-runtime: invalid manifest:\n" + e.getMessage());
            System.exit(3);
            return;
        } catch (ModelLoadException e) {
            System.err.println("model-runtime: cannot serve the model: " + e.getMessage());
            System.exit(4);
            return;
        } catch (RuntimeException | Error e) {
            // Undertow's threads would keep a half-started JVM alive, unready forever: exit instead.
            System.err.println("model-runtime: failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.stop(Duration.ofSeconds(8));
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }
}
