package io.slipway.platform.app;

import io.slipway.platform.audit.AuditLog;
import io.slipway.platform.web.BadRequestException;
import io.slipway.platform.web.ConflictException;
import io.slipway.platform.web.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, finding and listing apps. */
@Service
public class AppService {

    /** App names are DNS labels: they become host names ({@code iris.example.com}). */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");

    private final AppRepository apps;
    private final Clock clock;
    private final AuditLog audit;

    public AppService(AppRepository apps, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.apps = apps;
        this.clock = clock;
    }

    /**
     * A new app of {@code owner}. App names are one namespace for everyone (they are host names),
     * so a name in use is refused whoever uses it.
     */
    @Transactional
    public App create(String name, String owner) {
        checkName(name);
        if (apps.existsById(name)) {
            throw new ConflictException(taken(name));
        }
        App created = new App(name, clock.instant());
        created.setOwner(owner);
        apps.save(created);
        audit.record(AuditLog.Action.CREATE_APP, name, "owner " + owner);
        return created;
    }

    /** The app, created for {@code owner} if it does not exist yet (a first deploy creates its app). */
    @Transactional
    public App ensure(String name, String owner) {
        checkName(name);
        return apps.findById(name).orElseGet(() -> {
            App created = new App(name, clock.instant());
            created.setOwner(owner);
            return apps.save(created);
        });
    }

    /** Gives an app to another owner. */
    @Transactional
    public App transfer(String name, String owner) {
        App app = get(name);
        String before = app.getOwner();
        app.setOwner(owner);
        audit.record(AuditLog.Action.CHANGE_OWNER, name, "from " + before + " to " + owner);
        return app;
    }

    @Transactional(readOnly = true)
    public App get(String name) {
        return apps.findById(name).orElseThrow(() -> new NotFoundException(missing(name)));
    }

    /** What creating an app with a name in use is told. */
    static String taken(String name) {
        return "the app name '" + name + "' is taken: choose another";
    }

    /** What a request about a missing (or hidden) app is told. */
    static String missing(String name) {
        return "app '" + name + "' does not exist";
    }

    @Transactional(readOnly = true)
    public java.util.Optional<App> find(String name) {
        return apps.findById(name);
    }

    @Transactional(readOnly = true)
    public List<App> list() {
        return apps.findAll(org.springframework.data.domain.Sort.by("name"));
    }

    @Transactional
    public App save(App app) {
        return apps.save(app);
    }

    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadRequestException("app name " + (name == null ? "null" : "'" + abbreviate(name) + "'")
                    + " is invalid: use 1-40 lowercase letters, digits and dashes, starting and ending with a letter or digit");
        }
    }

    private static String abbreviate(String name) {
        String printable = name.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 50 ? printable.substring(0, 50) + "..." : printable;
    }
}
