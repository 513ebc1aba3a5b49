package io.slipway.platform.dashboard;

import io.slipway.buildpacks.manifest.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.springframework.web.multipart.MultipartFile;

/** Packs a written manifest and an uploaded model (and labels) into a tar.gz bundle in a temporary file. */
final class ModelBundle {

    private ModelBundle() {
    }

    /** The bundle; the caller deletes the file. */
    static Path pack(String manifest, MultipartFile model, String modelPath, MultipartFile labels) throws IOException {
        Path file = Files.createTempFile("slipway-upload-", ".tar.gz");
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            byte[] yaml = manifest.getBytes(StandardCharsets.UTF_8);
            entry(tar, Manifest.FILE_NAME, yaml.length, new java.io.ByteArrayInputStream(yaml));
            try (InputStream in = model.getInputStream()) {
                entry(tar, modelPath, model.getSize(), in);
            }
            if (labels != null && !labels.isEmpty()) {
                try (InputStream in = labels.getInputStream()) {
                    entry(tar, ModelManifest.LABELS_PATH, labels.getSize(), in);
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private static void entry(TarArchiveOutputStream tar, String name, long size, InputStream content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        content.transferTo(tar);
        tar.closeArchiveEntry();
    }
}
