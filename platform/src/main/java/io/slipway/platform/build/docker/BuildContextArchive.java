package io.slipway.platform.build.docker;

import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The build context of a release: the Dockerfile and one folder per layer that mirrors the image
 * from {@code /}. Entries are reproducible (see {@link TarWriter}), so an unchanged layer hashes
 * the same and Docker takes it from its cache.
 */
final class BuildContextArchive {

    private BuildContextArchive() {
    }

    /** Writes the Dockerfile and {@code layers}, the first of them being layer number {@code firstIndex}. */
    static long write(OutputStream out, String dockerfile, List<Layer> layers, int firstIndex) throws IOException {
        try (TarWriter tar = new TarWriter(out)) {
            tar.file("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), 0644);
            for (int i = 0; i < layers.size(); i++) {
                String folder = Dockerfile.layerFolder(firstIndex + i, layers.get(i).name());
                tar.directory(folder, 0755);
                for (LayerFile file : layers.get(i).files()) {
                    tar.file(folder + file.target(), file.source());
                }
            }
            return tar.bytes();
        }
    }

    /**
     * The context as a stream written by a background thread while Docker reads it, so a large
     * context (PyTorch's libraries are 450 MB) is never held in memory or copied to disk.
     * {@code written} completes with the bytes written, or with the error that stopped the writer.
     * The caller closes the stream when the build ends, which also stops a writer Docker gave up on.
     */
    static InputStream stream(String dockerfile, List<Layer> layers, int firstIndex, CompletableFuture<Long> written)
            throws IOException {
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread writer = new Thread(() -> {
            try {
                long bytes = write(out, dockerfile, layers, firstIndex);
                out.close();
                written.complete(bytes);
            } catch (IOException | RuntimeException e) {
                // the pipe stays open: once this thread ends, Docker's read fails ("write end
                // dead") instead of seeing a clean end of a truncated context
                written.completeExceptionally(e);
            }
        }, "build-context-writer");
        writer.setDaemon(true);
        writer.start();
        return in;
    }
}
