package io.slipway.platform.dashboard;

import io.slipway.buildpacks.bundle.BundleException;
import io.slipway.buildpacks.manifest.Manifest;
import io.slipway.buildpacks.manifest.ManifestException;
import io.slipway.buildpacks.manifest.ManifestProblem;
import io.slipway.platform.app.AppOwners;
import io.slipway.platform.app.AppService;
import io.slipway.platform.deploy.Deployment;
import io.slipway.platform.deploy.DeploymentService;
import io.slipway.platform.quota.QuotaExceededException;
import io.slipway.platform.web.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /deploy}: deploy from the browser, either a bundle archive or a single model file whose
 * manifest the form writes. A rejected form comes back with every value typed and each problem
 * next to its field; an accepted one leads to the deployment's live build log.
 */
@Controller
class DeployPageController {

    private static final List<String> ARCHIVES = List.of(".tar.gz", ".tgz", ".tar", ".zip");

    /** The form fields' labels, for the summary of problems at the top. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("appName", "App name"),
            Map.entry("bundle", "Bundle archive"), Map.entry("model", "Model file"), Map.entry("modelName", "Model name"),
            Map.entry("format", "Format"), Map.entry("inputName", "Input name"),
            Map.entry("inputDatatype", "Input datatype"), Map.entry("inputShape", "Input shape"),
            Map.entry("labels", "Labels file"), Map.entry("minInstances", "Min instances"),
            Map.entry("maxInstances", "Max instances"));

    private final DeploymentService deployments;
    private final AppService apps;
    private final AppOwners owners;

    DeployPageController(DeploymentService deployments, AppService apps, AppOwners owners) {
        this.apps = apps;
        this.owners = owners;
        this.deployments = deployments;
    }

    @GetMapping("/deploy")
    String page(@RequestParam(required = false) String app, Model model) {
        BundleForm bundleForm = new BundleForm();
        ModelForm modelForm = new ModelForm();
        if (app != null) {
            bundleForm.setAppName(app);
            modelForm.setAppName(app);
        }
        return render(model, bundleForm, modelForm, null, new FormErrors()).getViewName();
    }

    @PostMapping("/deploy/bundle")
    ModelAndView deployBundle(@ModelAttribute BundleForm form, @RequestParam(required = false) MultipartFile bundle,
            Principal principal, Model model) throws IOException {
        FormErrors errors = new FormErrors();
        checkAppName(form.getAppName(), "appName", errors);
        if (bundle == null || bundle.isEmpty()) {
            errors.add("bundle", "choose a bundle archive (.tar.gz, .tgz, .tar or .zip)");
        } else if (ARCHIVES.stream().noneMatch(suffix -> name(bundle).endsWith(suffix))) {
            errors.add("bundle", "'" + bundle.getOriginalFilename() + "' is not a bundle archive: upload a .tar.gz, .tgz, .tar or .zip"
                    + " holding slipway.yaml (a single model file goes in the form below)");
        }
        if (errors.any()) {
            return render(model, form, new ModelForm(), "bundle", errors);
        }
        try (InputStream in = bundle.getInputStream()) {
            return started(deployments.deploy(form.getAppName(), in, user(principal)));
        } catch (ManifestException e) {
            e.problems().forEach(problem -> errors.add("bundle", problem.toString()));
        } catch (BundleException | BadRequestException | QuotaExceededException e) {
            errors.add("bundle", e.getMessage());
        }
        return render(model, form, new ModelForm(), "bundle", errors);
    }

    @PostMapping("/deploy/model")
    ModelAndView deployModel(@ModelAttribute ModelForm form, @RequestParam(required = false) MultipartFile model,
            @RequestParam(required = false) MultipartFile labels, Principal principal, Model page) throws IOException {
        FormErrors errors = new FormErrors();
        boolean hasModel = model != null && !model.isEmpty();
        if (!hasModel) {
            errors.add("model", "choose the model file (.onnx or .pt)");
        }
        checkTaken(form.getAppName(), "appName", errors);
        String format = ModelManifest.format(form, hasModel ? model.getOriginalFilename() : null, errors);
        String modelPath = ModelManifest.modelPath(hasModel ? model.getOriginalFilename() : null,
                format == null ? "onnx" : format);
        boolean hasLabels = labels != null && !labels.isEmpty();
        String yaml = ModelManifest.yaml(form, format, modelPath, hasLabels, errors);
        try {
            Manifest.parse(yaml, Manifest.FILE_NAME);
        } catch (ManifestException e) {
            addProblems(e.problems(), form, errors);
        }
        if (errors.any()) {
            return render(page, new BundleForm(), form, "model", errors);
        }
        Path bundle = ModelBundle.pack(yaml, model, modelPath, hasLabels ? labels : null);
        try (InputStream in = Files.newInputStream(bundle)) {
            return started(deployments.deploy(form.getAppName(), in, user(principal)));
        } catch (ManifestException e) {
            addProblems(e.problems(), form, errors);
        } catch (BundleException | BadRequestException | QuotaExceededException e) {
            errors.add("model", e.getMessage());
        } finally {
            Files.deleteIfExists(bundle);
        }
        return render(page, new BundleForm(), form, "model", errors);
    }

    /** Problems of the written manifest, next to the fields they come from, unless that field already has one. */
    private static void addProblems(List<ManifestProblem> problems, ModelForm form, FormErrors errors) {
        for (ManifestProblem problem : problems) {
            String field = ModelManifest.fieldOf(problem);
            if (field.equals("modelName") && form.getModelName().isEmpty()) {
                field = "appName"; // the model is named after the app when the form leaves its name empty
            }
            if (field.equals(FormErrors.GLOBAL) || !errors.has(field)) {
                errors.add(field, problem.toString());
            }
        }
    }

    private static ModelAndView started(Deployment deployment) {
        return new ModelAndView("redirect:" + DashboardPaths.deployment(deployment.getApp(), deployment.getId()));
    }

    private static ModelAndView render(Model model, BundleForm bundleForm, ModelForm modelForm, String rejected,
            FormErrors errors) {
        model.addAttribute("bundleForm", bundleForm);
        model.addAttribute("modelForm", modelForm);
        model.addAttribute("rejected", rejected);
        model.addAttribute("bundleErrors", "bundle".equals(rejected) ? errors : new FormErrors());
        model.addAttribute("modelErrors", "model".equals(rejected) ? errors : new FormErrors());
        model.addAttribute("datatypes", io.slipway.buildpacks.manifest.TensorSpec.DATATYPES);
        model.addAttribute("labels", LABELS);
        ModelAndView view = new ModelAndView("deploy", model.asMap());
        if (rejected != null) {
            view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return view;
    }

    private void checkAppName(String name, String field, FormErrors errors) {
        if (name.isEmpty()) {
            errors.add(field, "enter an app name");
        } else if (!AppService.NAME.matcher(name).matches()) {
            errors.add(field, "use 1-40 lowercase letters, digits and dashes, starting and ending with a letter or digit");
        } else {
            checkTaken(name, field, errors);
        }
    }

    /** An app name someone else has is taken (the name only: nothing else about that app is told). */
    private void checkTaken(String name, String field, FormErrors errors) {
        if (apps.find(name).filter(app -> !owners.maySee(app)).isPresent()) {
            errors.add(field, "the app name '" + name + "' is taken: choose another");
        }
    }

    private static String name(MultipartFile file) {
        return file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
    }

    static String user(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }
}
