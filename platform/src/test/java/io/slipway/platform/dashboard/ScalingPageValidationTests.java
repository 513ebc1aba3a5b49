package io.slipway.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.slipway.buildpacks.manifest.Scaling;
import io.slipway.buildpacks.manifest.ScheduleEntry;
import io.slipway.platform.scaling.Durations;
import io.slipway.platform.scaling.ScalingPolicy;
import io.slipway.platform.scaling.store.ScalingProblem;
import io.slipway.platform.scaling.store.ScalingUpdate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scaling page's side of validation: typed text to an update, and the service's problems to fields. */
class ScalingPageValidationTests {

    static final ScalingPolicy CURRENT = ScalingPolicy.of(Scaling.defaults());

    @Test
    void problemsOfTheSharedRulesNameTheirField() {
        assertThat(problem(() -> new Scaling(9, 5, 4, Duration.ofSeconds(300), List.of(), null, false)))
                .isEqualTo(new ScalingProblem("maxInstances", "maxInstances must be >= minInstances (9), got 5"));
        assertThat(problem(() -> Durations.parse("scaleToZeroAfter", "soon")).field()).isEqualTo("scaleToZeroAfter");
        assertThat(problem(() -> new Scaling(1, 2, 4, Duration.ofSeconds(300),
                List.of(new ScheduleEntry("@daily", 3, Duration.ofHours(1))), null, false)).field())
                .isEqualTo("schedule");
        ScalingProblem cron = ScalingProblem.of(new IllegalArgumentException("schedule[2].cron invalid cron expression"));
        assertThat(cron.field()).isEqualTo("schedule[2].cron");
        assertThat(cron.updateField()).isEqualTo("schedule");
        assertThat(ScalingProblem.of(new IllegalArgumentException("targetConcurrency must be <= serving.maxConcurrency "
                + "(8), got 9")).updateField()).isEqualTo("targetConcurrency");
    }

    @Test
    void anUntouchedFormAsksForNothing() {
        ScalingPageForm.Parsed parsed = ScalingPageForm.of(CURRENT).parse(CURRENT);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.update()).isEqualTo(new ScalingUpdate(null, null, null, null, null, null));
    }

    @Test
    void onlyChangedFieldsAreSentAndAnEquivalentDurationIsNoChange() {
        ScalingPageForm form = new ScalingPageForm("1", " 8 ", "4", "300s", true, List.of("0 0 8 * * MON-FRI", ""),
                List.of("3", ""), List.of("10h", ""), "60s", "6s", "2.0", "0s", "", "", "");

        ScalingPageForm.Parsed parsed = form.parse(CURRENT);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.update()).isEqualTo(new ScalingUpdate(null, 8, null, null, true,
                List.of(new ScalingUpdate.Item("0 0 8 * * MON-FRI", 3, "10h"))));
    }

    @Test
    void textThatIsNoNumberIsAnErrorOnItsFieldAndRulesAreLeftToTheService() {
        ScalingPageForm form = new ScalingPageForm("lots", "", "0", "soon", false, List.of("every day"),
                List.of("three"), List.of("1h"), "1m", "6s", "fast", "0s", "x", "", "");

        ScalingPageForm.Parsed parsed = form.parse(CURRENT);

        assertThat(parsed.errors()).containsOnlyKeys("minInstances", "maxInstances", "schedule[0].minInstances",
                "maxScaleDownRate", "cpuScaleUpAbove");
        assertThat(parsed.errors().get("minInstances")).isEqualTo("minInstances must be a whole number, got 'lots'");
        assertThat(parsed.errors().get("maxInstances")).isEqualTo("maxInstances is required");
        // 0 and "soon" are numbers and text: whether they are allowed is the service's rule, not the form's
        assertThat(parsed.update().targetConcurrency()).isZero();
        assertThat(parsed.update().scaleToZeroAfter()).isEqualTo("soon");
    }

    @Test
    void rowsCanBeAddedAndRemovedKeepingTheRest() {
        ScalingPageForm form = new ScalingPageForm("1", "5", "4", "5m", false, List.of("@daily"), List.of("2"),
                List.of("1h"), "1m", "6s", "2", "0s", "", "", "").withRow();

        assertThat(form.rows()).hasSize(2);
        assertThat(form.withoutRow(0).rows()).containsExactly(new ScalingPageForm.Row("", "", ""));
        assertThat(form.withoutRow(7).rows()).hasSize(2);
    }

    @Test
    void tuningAndCpuFieldsAreSentWhenChangedAndACpuRuleOnlyWhenOneIsTyped() {
        ScalingPageForm form = new ScalingPageForm("1", "5", "4", "5m", false, List.of(), List.of(), List.of(),
                "2m", "6s", "1.5", "30s", "70", "", "");

        ScalingPageForm.Parsed parsed = form.parse(CURRENT);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.update()).isEqualTo(new ScalingUpdate(null, null, null, null, null, null, "2m", null, 1.5,
                "30s", new ScalingUpdate.Cpu(70, null, null)));
        assertThat(ScalingPageController.formField("cpu.scaleDownBelow")).isEqualTo("cpuScaleDownBelow");
        assertThat(ScalingPageController.formField("schedule[0].cron")).isEqualTo("schedule[0].cron");
    }

    private static ScalingProblem problem(Runnable check) {
        return ScalingProblem.of(catchThrowableOfType(IllegalArgumentException.class, check::run));
    }
}
