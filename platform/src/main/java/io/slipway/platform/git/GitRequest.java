package io.slipway.platform.git;

import io.slipway.platform.app.AppService;
import io.slipway.platform.web.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One smart-HTTP request, read from its path below {@code /git}: {@code /{app}.git/info/refs?service=...}
 * (the advertisement) or {@code /{app}.git/git-upload-pack} / {@code git-receive-pack} (the exchange).
 * The {@code .git} suffix is optional, as on most git hosts.
 *
 * @param app the app, a valid app name
 * @param service the git service asked for
 * @param advertisement true for {@code GET info/refs}, false for the {@code POST} exchange
 */
record GitRequest(String app, GitService service, boolean advertisement) {

    private static final Pattern PATH = Pattern.compile("/([^/]+?)(?:\\.git)?/(info/refs|git-upload-pack|git-receive-pack)");

    /**
     * Reads a request.
     *
     * @throws Refused with the HTTP status and the reason when it is not a request this endpoint answers
     */
    static GitRequest parse(String method, String pathInfo, String serviceParameter) {
        Matcher matcher = PATH.matcher(pathInfo == null ? "" : pathInfo);
        if (!matcher.matches()) {
            throw new Refused(HttpServletResponse.SC_NOT_FOUND, "not a git repository path: use /git/{app}.git");
        }
        String app = matcher.group(1);
        try {
            AppService.checkName(app);
        } catch (BadRequestException e) {
            throw new Refused(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
        boolean advertisement = matcher.group(2).equals("info/refs");
        String command = advertisement ? serviceParameter : matcher.group(2);
        if (advertisement && command == null) {
            throw new Refused(HttpServletResponse.SC_FORBIDDEN, "only git's smart HTTP protocol is served (git 1.6.6 or later)");
        }
        GitService service = GitService.of(command).orElseThrow(() ->
                new Refused(HttpServletResponse.SC_FORBIDDEN, "unknown git service"));
        if (!method.equals(advertisement ? "GET" : "POST")) {
            throw new Refused(HttpServletResponse.SC_METHOD_NOT_ALLOWED, method + " is not allowed here");
        }
        return new GitRequest(app, service, advertisement);
    }

    /** A request refused before any git work, with its HTTP status. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
