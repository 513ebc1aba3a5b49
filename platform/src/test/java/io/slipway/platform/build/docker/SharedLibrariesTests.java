package io.slipway.platform.build.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading what ldd resolved. */
class SharedLibrariesTests {

    @Test
    void parseTakesResolvedPathsAndTheLoaderAndSkipsMissingAndVirtualOnes() {
        String ldd = """
                \tlinux-vdso.so.1 (0x00007ffd1c9e5000)
                \tlibonnxruntime.so.1 => not found
                \tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f0e4e000000)
                \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0e4dc1f000)
                \t/lib64/ld-linux-x86-64.so.2 (0x00007f0e4e3c8000)
                """;

        assertThat(SharedLibraries.parse(ldd)).containsExactly(Path.of("/lib/x86_64-linux-gnu/libstdc++.so.6"),
                Path.of("/lib/x86_64-linux-gnu/libc.so.6"), Path.of("/lib64/ld-linux-x86-64.so.2"));
    }
}
