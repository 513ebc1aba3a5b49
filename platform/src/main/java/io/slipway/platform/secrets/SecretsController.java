package io.slipway.platform.secrets;

import io.slipway.platform.app.AppService;
import io.slipway.platform.web.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/apps/{app}/secrets}: list by name ({@code GET}), set ({@code PUT /{name}} with
 * {@code {"value": "..."}}), delete. No answer ever holds a value. A change reaches the instances
 * started after it: the running ones keep their value until the next rollout.
 */
@RestController
@RequestMapping("/api/v1/apps/{app}/secrets")
class SecretsController {

    /** The largest request body: a 32 KiB value, JSON-escaped, with room to spare. */
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final Secrets secrets;
    private final AppService apps;
    private final JsonMapper mapper;

    SecretsController(Secrets secrets, AppService apps, JsonMapper mapper) {
        this.secrets = secrets;
        this.apps = apps;
        this.mapper = mapper;
    }

    /** A secret as listed: its name and when it was last set, never its value. */
    record SecretView(String name, Instant updatedAt) {
        static SecretView of(AppSecret secret) {
            return new SecretView(secret.getName(), secret.getUpdatedAt());
        }
    }

    /** The answer to a change: what it is and when it takes effect. */
    record ChangeView(String name, Instant updatedAt, String takesEffect) {
    }

    @GetMapping
    List<SecretView> list(@PathVariable String app) {
        apps.get(app);
        return secrets.list(app).stream().map(SecretView::of).toList();
    }

    @PutMapping("/{name}")
    ChangeView put(@PathVariable String app, @PathVariable String name, HttpServletRequest request) throws IOException {
        apps.get(app);
        Secrets.checkName(name);
        AppSecret secret = secrets.put(app, name, value(request), "through the API");
        return new ChangeView(name, secret.getUpdatedAt(), takesEffect(app));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String app, @PathVariable String name) {
        apps.get(app);
        secrets.delete(app, name);
    }

    /** Instances read their environment once: say how to bring the change to those that run. */
    static String takesEffect(String app) {
        return "at the next rollout: instances started from now on get the new value, running ones keep theirs;"
                + " to restart them all now, redeploy the current release (POST /api/v1/apps/" + app
                + "/releases/{current}/rollback) or deploy again";
    }

    private String value(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequestException("the body must be at most " + MAX_BODY_BYTES / 1024 + " KiB: {\"value\": \"...\"}");
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (RuntimeException e) {
            throw new BadRequestException("the body must be JSON: {\"value\": \"...\"}");
        }
        if (json == null || !json.isObject() || !json.path("value").isString()) {
            throw new BadRequestException("the body must be {\"value\": \"...\"} with a string value");
        }
        return json.path("value").asString();
    }
}
