package io.slipway.platform.build.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Splitting image references for the Docker API. */
class ImageNameTests {

    @Test
    void parseSplitsRepositoryAndTagAndDefaultsToLatest() {
        assertThat(ImageName.parse("slipway/base:17")).isEqualTo(new ImageName("slipway/base", "17"));
        assertThat(ImageName.parse("slipway/base")).isEqualTo(new ImageName("slipway/base", "latest"));
        assertThat(ImageName.parse("registry:5000/slipway/base")).isEqualTo(
                new ImageName("registry:5000/slipway/base", "latest"));
        assertThat(ImageName.parse("registry:5000/base:1").toString()).isEqualTo("registry:5000/base:1");
    }

    @Test
    void parseWhenGivenADigestRefusesIt() {
        assertThatThrownBy(() -> ImageName.parse("base@sha256:abc")).hasMessageContaining("digests");
    }
}
