package io.slipway.buildpacks.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CronCheck} accepts what Spring's {@code CronExpression} accepts, and rejects what it rejects. */
class CronCheckTests {

    @ParameterizedTest
    @ValueSource(strings = { "0 0 8 * * MON-FRI", "0 0 8 * * mon-fri", "*/10 * * * * *", "0 */15 9-17 * * 1-5",
            "0 0 0 25 12 ?", "0 0 0 25 DEC ?", "0 0 0 1 JAN-MAR *", "0 0 8 ? * MON", "0 0 0 * * 0", "0 0 0 * * 7",
            "0 0 0 * * SAT-SUN", "0 0 0 * * 7-1", "0 0 0 L * *", "0 0 0 LW * *", "0 0 0 15W * *", "0 0 0 * * 5L",
            "0 0 0 * * FRI#2", "0 0 0 L-3 * *", "1,2,3 0 0 * * *", "1-5/2 0 0 * * *", "0 0 0 * * MON-WED,FRI",
            "@daily", "@hourly", "@weekly", "@monthly", "@yearly", "@annually", "@midnight", " 0 0 8 * * MON " })
    void problemWhenValidIsNull(String expression) {
        assertThat(CronCheck.problem(expression)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "0 0 8 * *", "0 0 8 * * * 2030", "60 0 0 * * *", "0 60 0 * * *", "0 0 24 * * *",
            "0 0 0 0 * *", "0 0 0 32 * *", "0 0 0 1 13 *", "0 0 8 * * 8", "0 0 8 * * FOO", "0 0 0 1 MON *",
            "0 0 0 */0 * *", "0 0 23-1 * * *", "0 0 0 5-1 * *", "0 0 0 1 NOV-FEB *", "0 0 8 * * FRI-MON",
            "0 0 0 * * 2-1", "0 0 0 * * MON#0", "0 0 0 * * L", "0 0 8 * ? *", "@reboot", "garbage", "1.5 0 0 * * *" })
    void problemWhenInvalidExplainsIt(String expression) {
        assertThat(CronCheck.problem(expression)).isNotNull().endsWith(CronCheck.FORMAT);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0 0 8 * * FRI-MON", "0 0 0 1 DEC-JAN *" })
    void problemWhenRangeReversedNamesIt(String expression) {
        assertThat(CronCheck.problem(expression)).contains("is reversed");
    }

}
