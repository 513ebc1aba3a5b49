package io.slipway.platform.runtime.process;

import io.slipway.platform.runtime.BackendException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state directory: {@code <id>.properties} describes an instance, {@code <id>.log} holds what
 * it printed. The files, not this object, are the truth, so a new backend finds old instances.
 */
final class InstanceFiles {

    private static final Logger log = LoggerFactory.getLogger(InstanceFiles.class);
    private static final String STATE_SUFFIX = ".properties";

    private final Path dir;

    InstanceFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directory " + this.dir, e);
        }
    }

    Path dir() {
        return dir;
    }

    Path log(String id) {
        return dir.resolve(id + ".log");
    }

    Path state(String id) {
        return dir.resolve(id + STATE_SUFFIX);
    }

    /** Writes the state file whole or not at all (a crash never leaves half a file). */
    void write(InstanceRecord record) {
        Path target = state(record.id());
        Path temp = dir.resolve("." + record.id() + STATE_SUFFIX + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            record.toProperties().store(out, "slipway process instance");
        } catch (IOException e) {
            throw new BackendException("cannot write the state file " + target + " of instance " + record.id(), e);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BackendException("cannot write the state file " + target + " of instance " + record.id(), e);
        }
    }

    /** The instance's record; empty when there is none or it cannot be read (which is logged). */
    Optional<InstanceRecord> read(String id) {
        return read(state(id));
    }

    List<InstanceRecord> readAll() {
        List<InstanceRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(file -> file.getFileName().toString().endsWith(STATE_SUFFIX))
                    .forEach(file -> read(file).ifPresent(records::add));
        } catch (IOException e) {
            throw new BackendException("cannot list the state directory " + dir, e);
        }
        return records;
    }

    /** Deletes the state file and the log of an instance, whichever exist. */
    void remove(String id) {
        try {
            Files.deleteIfExists(state(id));
            Files.deleteIfExists(log(id));
        } catch (IOException e) {
            throw new BackendException("cannot remove the files of instance " + id + " from " + dir, e);
        }
    }

    private static Optional<InstanceRecord> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(InstanceRecord.fromProperties(properties));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.warn("ignoring unreadable instance state file {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
