package io.slipway.platform.build.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The environment that lets DJL load PyTorch from the image's extracted folder. */
class PytorchNativeCacheTests {

    @Test
    void envReadsVersionAndFlavorFromTheFolderName() {
        assertThat(PytorchNativeCache.env("/opt/slipway/djl-cache/pytorch/2.7.1-20250812-cpu-linux-x86_64/libtorch.so"))
                .containsEntry("PYTORCH_LIBRARY_PATH", "/opt/slipway/djl-cache/pytorch/2.7.1-20250812-cpu-linux-x86_64")
                .containsEntry("PYTORCH_VERSION", "2.7.1-20250812").containsEntry("PYTORCH_FLAVOR", "cpu");
    }

    @Test
    void envKeepsAPrecxx11Flavor() {
        assertThat(PytorchNativeCache.env("/c/pytorch/1.9.1-cpu-precxx11-linux-x86_64/libtorch.so"))
                .containsEntry("PYTORCH_VERSION", "1.9.1").containsEntry("PYTORCH_FLAVOR", "cpu-precxx11");
    }

    @Test
    void isNativeJarOnlyForTheJarWithTheLibraries() {
        assertThat(PytorchNativeCache.isNativeJar("pytorch-native-cpu-2.7.1-linux-x86_64.jar")).isTrue();
        assertThat(PytorchNativeCache.isNativeJar("pytorch-jni-2.7.1-0.36.0.jar")).isFalse();
        assertThat(PytorchNativeCache.isNativeJar("pytorch-engine-0.36.0.jar")).isFalse();
    }
}
