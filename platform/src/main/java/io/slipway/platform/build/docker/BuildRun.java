package io.slipway.platform.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.slipway.buildpacks.plan.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@code docker build} of a tar context with docker-java: streams the engine's output to
 * the build log line by line and notes which Dockerfile steps came from the build cache.
 */
final class BuildRun {

    /** A Dockerfile step and whether the engine took it from its cache. */
    record Step(String instruction, boolean cached) {
    }

    /** The image built, its steps in order, and the bytes of file content sent as its context. */
    record Result(String imageId, List<Step> steps, long contextBytes) {

        /** Whether the step {@code instruction} came from the build cache. */
        boolean cached(String instruction) {
            return steps.stream().anyMatch(step -> step.instruction().equals(instruction) && step.cached());
        }
    }

    private BuildRun() {
    }

    /**
     * Builds {@code dockerfile} with {@code layers} (the first being layer number {@code firstIndex})
     * as its context, streamed while Docker reads it.
     */
    static Result run(DockerClient docker, String dockerfile, List<Layer> layers, int firstIndex, String tag,
            Duration timeout, Consumer<String> log) {
        CompletableFuture<Long> written = new CompletableFuture<>();
        Result result;
        try (InputStream context = BuildContextArchive.stream(dockerfile, layers, firstIndex, written)) {
            result = run(docker, context, tag, timeout, log);
        } catch (IOException | ImageBuildException e) {
            if (written.isCompletedExceptionally()) {
                Throwable cause = written.handle((bytes, error) -> error).join();
                throw new ImageBuildException(tag, "cannot write the build context of " + tag + ": "
                        + cause.getMessage(), cause);
            }
            if (e instanceof ImageBuildException failed) {
                throw failed;
            }
            throw new ImageBuildException(tag, "cannot send the build context of " + tag + ": " + e.getMessage(), e);
        }
        return new Result(result.imageId(), result.steps(), written.join());
    }

    /** Builds the tar context {@code context}; the caller closes it. */
    static Result run(DockerClient docker, InputStream context, String tag, Duration timeout, Consumer<String> log) {
        List<Step> steps = new ArrayList<>();
        StringBuilder partial = new StringBuilder();
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    partial.append(item.getStream());
                    int newline;
                    while ((newline = partial.indexOf("\n")) >= 0) {
                        line(partial.substring(0, newline).stripTrailing(), steps, log);
                        partial.delete(0, newline + 1);
                    }
                }
                super.onNext(item);
            }
        };
        try (callback) {
            docker.buildImageCmd().withTarInputStream(context).withTags(Set.of(tag)).withPull(false)
                    .withRemove(true).withForcerm(true).exec(callback);
            String id = callback.awaitImageId(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(id, List.copyOf(steps), 0);
        } catch (DockerClientException | DockerException e) {
            throw new ImageBuildException(tag, "docker build of " + tag + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImageBuildException(tag, "docker build of " + tag + " failed: " + e.getMessage(), e);
        }
    }

    private static void line(String line, List<Step> steps, Consumer<String> log) {
        if (line.isBlank()) {
            return;
        }
        log.accept(line);
        if (line.startsWith("Step ")) {
            int colon = line.indexOf(" : ");
            steps.add(new Step(colon > 0 ? line.substring(colon + 3) : line, false));
        } else if (line.strip().equals("---> Using cache") && !steps.isEmpty()) {
            Step last = steps.remove(steps.size() - 1);
            steps.add(new Step(last.instruction(), true));
        }
    }
}
