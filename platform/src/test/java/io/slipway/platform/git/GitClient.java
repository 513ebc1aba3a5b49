package io.slipway.platform.git;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The real {@code git} command, isolated from the machine's configuration (its own HOME, no
 * system config, no prompts), with each line of its output timed as it arrives.
 */
final class GitClient {

    private final Path home;

    /** git without credentials. */
    GitClient(Path home) {
        this(home, null);
    }

    /** git that sends {@code token} (a personal API token) on every request, when not null. */
    GitClient(Path home, String token) {
        this.home = home;
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve(".gitconfig"), """
                    [user]
                    \tname = Slipway Tests
                    \temail = tests@slipway.invalid
                    [init]
                    \tdefaultBranch = main
                    [advice]
                    \tdetachedHead = false
                    """ + (token == null ? "" : "[http]\n\textraHeader = Authorization: Bearer " + token + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of output and when it came, counted from the start of the command. */
    record Line(Duration at, String text) {
    }

    /** How a command ended. */
    record Result(int exit, String stdout, String stderr, List<Line> errLines, Duration took) {

        /** When the first stderr line containing {@code text} came. */
        Duration whenSaid(String text) {
            return errLines.stream().filter(l -> l.text().contains(text)).map(Line::at).findFirst()
                    .orElseThrow(() -> new AssertionError("git never said '" + text + "':\n" + stderr));
        }

        @Override
        public String toString() {
            return "exit " + exit + " after " + took.toMillis() + " ms\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    Result run(Path dir, String... args) {
        return run(dir, line -> { }, args);
    }

    /** Runs {@code git args...} in {@code dir}, handing each stderr line to {@code onError} as it comes. */
    Result run(Path dir, Consumer<String> onError, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        return execute(dir, onError, command);
    }

    private Result execute(Path dir, Consumer<String> onError, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("GIT_DIR");
        if (System.getenv("SLIPWAY_GIT_TRACE") != null) {
            // what git and curl said on the wire, for a failing test
            builder.environment().put("GIT_TRACE_PACKET", "1");
            builder.environment().put("GIT_TRACE_CURL", "1");
            builder.environment().put("GIT_TRACE_CURL_NO_DATA", "1");
        }
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            List<Line> errLines = new java.util.concurrent.CopyOnWriteArrayList<>();
            StringBuilder err = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                // git rewrites progress lines with \r: split on both
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = reader.read()) >= 0) {
                    err.append((char) c);
                    if (c == '\n' || c == '\r') {
                        if (!line.isEmpty()) {
                            String text = line.toString();
                            errLines.add(new Line(Duration.ofNanos(System.nanoTime() - start), text));
                            onError.accept(text);
                        }
                        line.setLength(0);
                    } else {
                        line.append((char) c);
                    }
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end");
            }
            return new Result(process.exitValue(), out.join(), err.toString(), errLines,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs a shell command line (as a user types it) with this client's git settings; fails unless it succeeds. */
    Result bash(Path dir, String commandLine) {
        Result result = execute(dir, line -> { }, List.of("bash", "-c", "set -o pipefail; " + commandLine));
        if (result.exit() != 0) {
            throw new AssertionError(commandLine + " failed: " + result);
        }
        return result;
    }

    /** Runs git and fails the test unless it succeeds. */
    Result ok(Path dir, String... args) {
        Result result = run(dir, args);
        if (result.exit() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + result);
        }
        return result;
    }

    /** A new repository in {@code dir} holding a copy of {@code bundle}, committed on main. */
    Path commitOf(Path bundle, Path dir) {
        copy(bundle, dir);
        ok(dir, "init", "-q", "-b", "main");
        ok(dir, "add", "-A");
        ok(dir, "commit", "-q", "-m", "first");
        return dir;
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
