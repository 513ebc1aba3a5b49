package io.slipway.platform.router;

import java.util.regex.Pattern;

/** Where a client request goes: the app, and the path (still encoded, with query) to ask its instance for. */
record Route(String app, String pathAndQuery) {

    private static final Pattern APP = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");

    /** {@code /apps/{app}/rest} -> (app, /rest); null when there is no valid app name. */
    static Route ofPath(String uri, String query) {
        if (!uri.startsWith("/apps/")) {
            return null;
        }
        String rest = uri.substring("/apps/".length());
        int slash = rest.indexOf('/');
        String app = slash < 0 ? rest : rest.substring(0, slash);
        return of(app, slash < 0 ? "/" : rest.substring(slash), query);
    }

    /** {@code app} and {@code path} as given; null when the app name is not valid. */
    static Route of(String app, String path, String query) {
        if (!APP.matcher(app).matches()) {
            return null;
        }
        return new Route(app, (path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query));
    }
}
