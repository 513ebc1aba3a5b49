package io.slipway.platform.app;

import io.slipway.platform.web.ConflictException;
import io.slipway.platform.web.NotFoundException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every request about one app ({@code /api/v1/apps/{app}/...}, {@code /dashboard/apps/{app}/...})
 * passes here first: an app the caller may not use answers exactly as an app that does not exist
 * (404, same message), so nothing about other users' apps leaks. Only a deployment may name an app
 * that does not exist yet (it creates the app for the caller); a deployment to a name someone else
 * has is told the name is taken (409), as creating an app with that name would be: app names are
 * host names, one namespace for everyone.
 */
class AppGuard implements HandlerInterceptor {

    private final AppRepository apps;
    private final AppOwners owners;

    AppGuard(AppRepository apps, AppOwners owners) {
        this.apps = apps;
        this.owners = owners;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String name = variables == null ? null : variables.get("app");
        if (name == null || request.getDispatcherType() == DispatcherType.ASYNC) {
            return true; // an async dispatch (a streamed log going on) was let through when the request came in
        }
        boolean creates = "POST".equals(request.getMethod())
                && request.getRequestURI().equals("/api/v1/apps/" + name + "/deployments");
        App app = apps.findById(name).orElse(null);
        if (app == null && !creates && !owners.seesAll()) { // admins get each call's own answer (e.g. a deleted app's usage)
            throw new NotFoundException(AppService.missing(name));
        }
        if (app != null && !owners.maySee(app)) {
            if (creates) {
                throw new ConflictException(AppService.taken(name));
            }
            throw new NotFoundException(AppService.missing(name));
        }
        return true;
    }
}
