package io.slipway.platform.dashboard;

import io.slipway.platform.quota.QuotaExceededException;
import io.slipway.platform.scaling.ScalingPolicy;
import io.slipway.platform.scaling.store.InvalidScalingException;
import io.slipway.platform.scaling.store.ScalingEvents;
import io.slipway.platform.scaling.store.ScalingPolicies;
import io.slipway.platform.scaling.store.ScalingProblem;
import io.slipway.platform.scaling.store.ScalingUpdate;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /dashboard/apps/{app}/scaling}: the effective scaling policy as a form, saved through the same
 * {@link ScalingPolicies} service (and so the same rules) as {@code PUT /api/v1/apps/{app}/scaling}, with the
 * recent scaling events below. Not under {@code /apps/{app}}: those paths belong to the router.
 */
@Controller
@RequestMapping("/dashboard/apps/{app}/scaling")
class ScalingPageController {

    private static final int EVENTS = 20;
    private static final int MAX_ERRORS = 20;
    /** Whether the dashboard's layout template is there to wrap the page; the page stands alone without it. */
    private static final boolean LAYOUT = new ClassPathResource("templates/layout.html").exists();

    private final ScalingPolicies policies;
    private final ScalingEvents events;

    ScalingPageController(ScalingPolicies policies, ScalingEvents events) {
        this.policies = policies;
        this.events = events;
    }

    @GetMapping
    String show(@PathVariable String app, @RequestParam(required = false) String done, Model model) {
        ScalingPolicy policy = policies.effective(app);
        model.addAttribute("done", done);
        return page(app, ScalingPageForm.of(policy), Map.of(), model);
    }

    /** Saves the form, or shows it again as typed with each problem beside its field (400). */
    @PostMapping
    String save(@PathVariable String app, @ModelAttribute ScalingPageForm form,
            @RequestParam(required = false) String action, Model model,
            HttpServletResponse response) {
        if ("add-row".equals(action)) {
            return page(app, form.withRow(), Map.of(), model);
        }
        if (action != null && action.startsWith("remove-row-")) {
            return page(app, form.withoutRow(parseIndex(action.substring("remove-row-".length()))), Map.of(), model);
        }
        ScalingPageForm.Parsed parsed = form.parse(policies.effective(app));
        Map<String, String> errors = problems(app, parsed);
        if (errors.isEmpty()) {
            try {
                policies.update(app, parsed.update());
                return "redirect:/dashboard/apps/" + app + "/scaling?done=saved";
            } catch (InvalidScalingException e) {
                errors.put(formField(e.problem().field()), e.problem().message());
            } catch (QuotaExceededException e) {
                errors.put("minInstances", e.getMessage()); // only a higher floor can break a quota
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(app, form, errors, model);
    }

    /** Drops the override: the manifest's policy applies again. */
    @PostMapping("/reset")
    String reset(@PathVariable String app) {
        policies.reset(app);
        return "redirect:/dashboard/apps/" + app + "/scaling?done=reset";
    }

    /**
     * The typing errors plus every rule the update breaks: the service reports one problem at a time, so
     * each field found wrong is taken out of the update and the rest checked again.
     */
    private Map<String, String> problems(String app, ScalingPageForm.Parsed parsed) {
        Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
        ScalingUpdate update = parsed.update();
        for (String field : parsed.errors().keySet()) {
            update = without(update, field.startsWith("schedule") ? "schedule" : field.startsWith("cpu") ? "cpu" : field);
        }
        for (int i = 0; i < MAX_ERRORS; i++) {
            Optional<ScalingProblem> problem = policies.check(app, update);
            if (problem.isEmpty() || errors.containsKey(formField(problem.get().field()))) {
                break;
            }
            errors.put(formField(problem.get().field()), problem.get().message());
            ScalingUpdate rest = without(update, problem.get().updateField());
            if (rest.equals(update)) {
                break;
            }
            update = rest;
        }
        return errors;
    }

    /** The form control a problem is about: {@code cpu.window} is the {@code cpuWindow} field. */
    static String formField(String field) {
        return field.startsWith("cpu.") ? "cpu" + Character.toUpperCase(field.charAt(4)) + field.substring(5) : field;
    }

    private static ScalingUpdate without(ScalingUpdate u, String field) {
        return new ScalingUpdate(field.equals("minInstances") ? null : u.minInstances(),
                field.equals("maxInstances") ? null : u.maxInstances(),
                field.equals("targetConcurrency") ? null : u.targetConcurrency(),
                field.equals("scaleToZeroAfter") ? null : u.scaleToZeroAfter(),
                field.equals("predictive") ? null : u.predictive(),
                field.equals("schedule") ? null : u.schedule(),
                field.equals("stableWindow") ? null : u.stableWindow(),
                field.equals("panicWindow") ? null : u.panicWindow(),
                field.equals("maxScaleDownRate") ? null : u.maxScaleDownRate(),
                field.equals("scaleDownDelay") ? null : u.scaleDownDelay(),
                field.equals("cpu") ? null : u.cpu());
    }

    private String page(String app, ScalingPageForm form, Map<String, String> errors, Model model) {
        ScalingPolicy policy = policies.effective(app);
        model.addAttribute("layout", LAYOUT);
        model.addAttribute("app", app);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("policy", policy);
        model.addAttribute("fields", ScalingPageField.MAIN);
        model.addAttribute("tuningFields", ScalingPageField.TUNING);
        model.addAttribute("overridden", policies.override(app).isPresent());
        model.addAttribute("events", events.latest(app, EVENTS));
        return "scaling";
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
