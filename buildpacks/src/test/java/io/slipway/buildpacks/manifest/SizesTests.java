package io.slipway.buildpacks.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizesTests {

    @Test
    void parseReadsBinaryAndDecimalSuffixes() {
        assertThat(Sizes.parse("512Mi")).isEqualTo(512L << 20);
        assertThat(Sizes.parse("1Gi")).isEqualTo(1L << 30);
        assertThat(Sizes.parse("1G")).isEqualTo(1_000_000_000L);
        assertThat(Sizes.parse("500M")).isEqualTo(500_000_000L);
        assertThat(Sizes.parse("64k")).isEqualTo(64_000L);
        assertThat(Sizes.parse("1Ti")).isEqualTo(1L << 40);
        assertThat(Sizes.parse("1073741824")).isEqualTo(1L << 30);
        assertThat(Sizes.parse("1.5Gi")).isEqualTo(3L << 29);
        assertThat(Sizes.parse("0.5")).isEqualTo(1L);
    }

    @Test
    void parseWhenNotSizeIsNull() {
        assertThat(Sizes.parse("1GB")).isNull();
        assertThat(Sizes.parse("1 Gi")).isNull();
        assertThat(Sizes.parse("-1Gi")).isNull();
        assertThat(Sizes.parse("1m")).isNull();
        assertThat(Sizes.parse("100Ei")).isNull();
        assertThat(Sizes.parse("")).isNull();
    }

    @Test
    void formatUsesLargestWholeBinaryUnit() {
        assertThat(Sizes.format(16L << 20)).isEqualTo("16Mi");
        assertThat(Sizes.format(1024)).isEqualTo("1Ki");
        assertThat(Sizes.format(1L << 40)).isEqualTo("1Ti");
        assertThat(Sizes.format(1000)).isEqualTo("1000");
        assertThat(Sizes.format(0)).isEqualTo("0");
    }

}
