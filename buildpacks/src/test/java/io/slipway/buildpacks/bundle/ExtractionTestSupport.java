package io.slipway.buildpacks.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Extracts archives into a fresh temporary folder and checks rejections leave it empty. */
abstract class ExtractionTestSupport {

    @TempDir
    Path temp;

    Path target() {
        return temp.resolve("bundle");
    }

    ExtractedBundle extract(byte[] archive) {
        return BundleArchive.extract(new ByteArrayInputStream(archive), target(), BundleLimits.defaults());
    }

    void assertRejects(byte[] archive, String entry, String reason) {
        assertRejects(archive, BundleLimits.defaults(), entry, reason);
    }

    BundleException assertRejects(byte[] archive, BundleLimits limits, String entry, String reason) {
        BundleException ex = catchThrowableOfType(BundleException.class,
                () -> BundleArchive.extract(new ByteArrayInputStream(archive), target(), limits));
        assertThat(ex).as("rejection").isNotNull();
        assertThat(ex.entry()).isEqualTo(entry);
        assertThat(ex.reason()).isEqualTo(reason);
        assertThat(temp).as("nothing left behind").isEmptyDirectory();
        return ex;
    }

}
