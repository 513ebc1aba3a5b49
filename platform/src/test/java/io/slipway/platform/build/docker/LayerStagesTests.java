package io.slipway.platform.build.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.buildpacks.plan.Layer;
import io.slipway.buildpacks.plan.Layer.LayerFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key that tells whether the layers below the model changed, without reading their content. */
class LayerStagesTests {

    @Test
    void keyStaysTheSameForTheSameFilesAndBase(@TempDir Path dir) throws IOException {
        List<Layer> layers = layers(Files.writeString(dir.resolve("a.jar"), "a"));

        assertThat(LayerStages.key("sha256:1", layers)).isEqualTo(LayerStages.key("sha256:1", layers));
    }

    @Test
    void keyChangesWithTheBaseImageAFilesSizeOrTimeOrTarget(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("a.jar"), "a");
        String key = LayerStages.key("sha256:1", layers(jar));

        assertThat(LayerStages.key("sha256:2", layers(jar))).isNotEqualTo(key);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(0));
        String touched = LayerStages.key("sha256:1", layers(jar));
        assertThat(touched).isNotEqualTo(key);
        Files.writeString(jar, "ab");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(0));
        assertThat(LayerStages.key("sha256:1", layers(jar))).isNotEqualTo(touched);
        assertThat(LayerStages.key("sha256:1", List.of(new Layer("runtime", List.of(new LayerFile(jar, "/b.jar"))))))
                .isNotEqualTo(LayerStages.key("sha256:1", layers(jar)));
    }

    private static List<Layer> layers(Path jar) {
        return List.of(new Layer("runtime", List.of(new LayerFile(jar, "/a.jar"))));
    }
}
