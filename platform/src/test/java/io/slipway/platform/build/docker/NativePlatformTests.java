package io.slipway.platform.build.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which native entries of a jar an x86-64 Linux image keeps. */
class NativePlatformTests {

    private final NativePlatform amd64 = new NativePlatform("amd64");

    @Test
    void isHostLibraryWhenLinuxAndThisCpu() {
        assertThat(amd64.isHostLibrary("ai/onnxruntime/native/linux-x64/libonnxruntime.so")).isTrue();
        assertThat(amd64.isHostLibrary("pytorch/cpu/linux-x86_64/libgomp-98b21ff3.so.1")).isTrue();
        assertThat(amd64.isHostLibrary("jnilib/linux-x86_64/cpu/libdjl_torch.so")).isTrue();
        assertThat(amd64.isHostLibrary("com/sun/jna/linux-x86-64/libjnidispatch.so")).isTrue();
        assertThat(amd64.isHostLibrary("ai/onnxruntime/native/linux-aarch64/libonnxruntime.so")).isFalse();
        assertThat(amd64.isHostLibrary("ai/onnxruntime/native/osx-x64/libonnxruntime.dylib")).isFalse();
    }

    @Test
    void isForeignForOtherSystemsOtherCpusAndDebugSymbols() {
        assertThat(amd64.isForeign("ai/onnxruntime/native/win-x64/onnxruntime.dll")).isTrue();
        assertThat(amd64.isForeign("ai/onnxruntime/native/win-x64/onnxruntime.pdb")).isTrue();
        assertThat(amd64.isForeign("ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib.dSYM/Contents/Resources/"
                + "DWARF/libonnxruntime.dylib")).isTrue();
        assertThat(amd64.isForeign("ai/onnxruntime/native/linux-aarch64/libonnxruntime.so")).isTrue();
        assertThat(amd64.isForeign("jnilib/osx-aarch64/cpu/libdjl_torch.dylib")).isTrue();
    }

    @Test
    void isForeignNeverForClassesResourcesOrThisPlatform() {
        assertThat(amd64.isForeign("com/sun/jna/win32/W32APIOptions.class")).isFalse();
        assertThat(amd64.isForeign("ai/onnxruntime/native/linux-x64/libonnxruntime.so")).isFalse();
        assertThat(amd64.isForeign("jnilib/linux-x86_64/cu128/libdjl_torch.so")).isFalse();
        assertThat(amd64.isForeign("META-INF/MANIFEST.MF")).isFalse();
    }

    @Test
    void arm64HostKeepsItsOwnLibraries() {
        NativePlatform arm64 = new NativePlatform("aarch64");

        assertThat(arm64.isForeign("ai/onnxruntime/native/linux-aarch64/libonnxruntime.so")).isFalse();
        assertThat(arm64.isForeign("ai/onnxruntime/native/linux-x64/libonnxruntime.so")).isTrue();
    }
}
