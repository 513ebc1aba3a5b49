package io.slipway.platform.access;

import io.slipway.platform.app.AppService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An app's invoke keys: {@code POST} makes one (its secret is in this answer only), {@code GET} lists, {@code DELETE} revokes. */
@RestController
@RequestMapping("/api/v1/apps/{app}/keys")
class InvokeKeyController {

    private final InvokeKeys keys;
    private final AppService apps;

    InvokeKeyController(InvokeKeys keys, AppService apps) {
        this.keys = keys;
        this.apps = apps;
    }

    /** A key as listed: never its secret. */
    record KeyView(String id, String name, String prefix, String createdBy, Instant createdAt) {
        static KeyView of(InvokeKey key) {
            return new KeyView(key.getId(), key.getName(), key.getPrefix(), key.getCreatedBy(), key.getCreatedAt());
        }
    }

    /** The answer to a creation: the secret, shown this once. */
    record CreatedView(String id, String name, String prefix, Instant createdAt, String key) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedView create(@PathVariable String app, @RequestBody(required = false) Map<String, Object> body) {
        apps.get(app);
        Object name = body == null ? null : body.get("name");
        InvokeKeys.Created created = keys.create(app, name instanceof String s ? s : null, "anonymous");
        return new CreatedView(created.key().getId(), created.key().getName(), created.key().getPrefix(),
                created.key().getCreatedAt(), created.secret());
    }

    @GetMapping
    List<KeyView> list(@PathVariable String app) {
        apps.get(app);
        return keys.list(app).stream().map(KeyView::of).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String app, @PathVariable String id) {
        apps.get(app);
        keys.revoke(app, id);
    }
}
