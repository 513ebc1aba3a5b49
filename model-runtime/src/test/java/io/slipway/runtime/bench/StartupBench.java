package io.slipway.runtime.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JVM start to ready: launches {@code java -jar model-runtime.jar} on a bundle and polls
 * {@code /v2/health/ready} every 5 ms until it answers 200; plain JVM and with a class-data
 * sharing archive made by a first run, side by side.
 *
 * <p>{@code bench/runtime-startup.sh [runs] [bundle]}
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path bundle = Path.of(args.length > 1 ? args[1] : "sample-apps/iris-onnx");
        Path jar = Path.of("model-runtime/target/model-runtime.jar");
        Path archive = Files.createTempDirectory("slipway-cds").resolve("runtime.jsa");
        launchAndStop(jar, bundle, List.of("-XX:ArchiveClassesAtExit=" + archive));

        System.out.printf("%s, %d starts each, ready = first 200 from /v2/health/ready%n", bundle.getFileName(), runs);
        System.out.printf("%-30s %10s %10s %10s%n", "JVM", "median (s)", "min (s)", "max (s)");
        report("java -jar", measure(runs, jar, bundle, List.of()));
        report("java -jar + AppCDS archive", measure(runs, jar, bundle, List.of("-XX:SharedArchiveFile=" + archive)));
    }

    private static void report(String label, double[] seconds) {
        Arrays.sort(seconds);
        System.out.printf("%-30s %10.3f %10.3f %10.3f%n", label, seconds[seconds.length / 2], seconds[0],
                seconds[seconds.length - 1]);
    }

    private static double[] measure(int runs, Path jar, Path bundle, List<String> jvmOptions) throws Exception {
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            seconds[i] = launchAndStop(jar, bundle, jvmOptions);
        }
        return seconds;
    }

    private static double launchAndStop(Path jar, Path bundle, List<String> jvmOptions) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--model-dir", bundle.toString(), "--port", Integer.toString(port),
                "--host", "127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().put("DJL_OFFLINE", "true");
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (!ready(port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("runtime exited with " + process.exitValue());
                }
                Thread.sleep(5);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            process.destroy();
            process.waitFor(15, TimeUnit.SECONDS);
        }
    }

    private static boolean ready(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /v2/health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(12), StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }
}
